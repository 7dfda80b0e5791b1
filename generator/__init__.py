"""Sociale kaart Eindhoven: content/*.yml → validated models → static site pages."""
