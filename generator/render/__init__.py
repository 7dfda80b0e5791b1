"""Renderers: each turns the enriched content into output files (Markdown pages, SVG, JSON, PDF)."""
