// Sociale kaart: walking times. Two parts, both progressive enhancement:
// 1. [data-walk-filter] on buurt pages: a pace switch and a 5/10/15/20-minute choice over a list
//    that is complete without this file.
// 2. [data-vinder] on the finder page: start from a buurt, an address (PDOK), your location or a
//    tap on the map; list (and map) the activities within walking distance.
// Walking metres for a point come from a precomputed grid (generator/walkgrid.py explains why);
// metresAt() below is WalkGrid.metres in Python, line for line. Your location and the point you
// choose stay in this browser; only a typed address goes to PDOK to be looked up.
(function () {
  "use strict";

  var PACES = ["normaal", "rustig"];

  function shownMinutes(minutes) { return Math.max(1, Math.round(minutes)); }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  // --- 1. buurt pages --------------------------------------------------------------------------

  function setupWalkFilter(root) {
    var form = root.querySelector("[data-walk-controls]");
    var bands = Array.prototype.slice.call(root.querySelectorAll("[data-band]"));
    var items = Array.prototype.slice.call(root.querySelectorAll("li[data-minutes-normaal]"));
    var none = root.querySelector("[data-walk-none]");
    var params = new URLSearchParams(window.location.search);
    ["tempo", "min"].forEach(function (name) {
      var wanted = params.get(name);
      var radio = wanted && form.querySelector('input[name="' + name + '"][value="' + CSS.escape(wanted) + '"]');
      if (radio) radio.checked = true;
    });

    // The URL changes only when the reader changes something: a plain visit keeps a plain URL.
    function apply(event) {
      var pace = form.querySelector('input[name="tempo"]:checked').value;
      var limit = Number(form.querySelector('input[name="min"]:checked').value);
      items.sort(function (a, b) { return a.dataset["minutes" + cap(pace)] - b.dataset["minutes" + cap(pace)]; });
      var shown = 0;
      items.forEach(function (item) {
        var minutes = shownMinutes(Number(item.dataset["minutes" + cap(pace)]));
        var band = bands.filter(function (b) { return minutes <= Number(b.dataset.band); })[0];
        var visible = Boolean(band) && minutes <= limit;
        item.hidden = !visible;
        (band || bands[bands.length - 1]).querySelector("ul").appendChild(item);
        if (visible) shown += 1;
      });
      bands.forEach(function (band) { band.hidden = !band.querySelector("li[data-minutes-normaal]:not([hidden])"); });
      none.hidden = shown > 0;
      none.textContent = fill(root.dataset.template, { n: limit });
      if (!event) return;
      var query = new URLSearchParams(window.location.search);
      query.set("tempo", pace);
      query.set("min", String(limit));
      window.history.replaceState(null, "", window.location.pathname + "?" + query.toString() + window.location.hash);
    }

    form.hidden = false;
    var note = root.querySelector("[data-walk-nojs]");
    if (note) note.hidden = true;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  function cap(word) { return word.charAt(0).toUpperCase() + word.slice(1); }

  // --- 2. the finder: the grid lookup (same arithmetic as generator/walkgrid.py) ---------------

  function cellOf(grid, lat, lon) {
    var fi = ((lon - grid.lon0) * grid.mlon - grid.x0) / grid.step;
    var fj = ((lat - grid.lat0) * grid.mlat - grid.y0) / grid.step;
    var i = Math.floor(fi);
    var j = Math.floor(fj);
    if (i < 0 || j < 0 || i >= grid.nx - 1 || j >= grid.ny - 1) return null;
    return { i: i, j: j, u: fi - i, v: fj - j, key: Math.floor(i / grid.tile) + "-" + Math.floor(j / grid.tile) };
  }

  function rasterValue(values, di, dj, width) {
    if (di < 0 || dj < 0 || di >= width || dj * width + di >= values.length) return 0;
    return values[dj * width + di];
  }

  function metresAt(grid, tile, cell) {
    var corners = [
      [cell.i, cell.j, (1 - cell.u) * (1 - cell.v)], [cell.i + 1, cell.j, cell.u * (1 - cell.v)],
      [cell.i, cell.j + 1, (1 - cell.u) * cell.v], [cell.i + 1, cell.j + 1, cell.u * cell.v]
    ];
    var found = {};
    (tile ? tile.p : []).forEach(function (raster) {
      var total = 0, weight = 0, smallest = Infinity;
      corners.forEach(function (corner) {
        var value = rasterValue(raster[4], corner[0] - raster[1], corner[1] - raster[2], raster[3]);
        if (value) {
          total += corner[2] * value;
          weight += corner[2];
          smallest = Math.min(smallest, value);
        }
      });
      if (smallest < Infinity) {
        var dekametres = weight > 0 ? total / weight : smallest;
        found[grid.places[raster[0]]] = (dekametres - 1) * 10;
      }
    });
    return found;
  }

  // --- 2. the finder: the page ------------------------------------------------------------------

  function Finder(root) {
    this.root = root;
    this.grid = JSON.parse(root.dataset.grid);
    this.text = JSON.parse(root.dataset.strings);
    this.mpm = JSON.parse(root.dataset.mpm);
    this.tiles = {};
    this.start = null;
    this.metres = null;
    this.filters = root.querySelector("[data-vinder-filters]");
    this.list = root.querySelector("[data-vinder-lijst]");
    this.items = Array.prototype.slice.call(this.list.children);
    this.message = root.querySelector("[data-vinder-melding]");
    this.buurtSelect = root.querySelector("[data-vinder-buurt] select");
    this.map = null;
    this.layer = null;
  }

  Finder.prototype.say = function (key) {
    this.message.textContent = key ? this.text[key] : "";
    this.message.classList.toggle("sk-vinder-fout", Boolean(key) && key !== "finder_busy");
  };

  Finder.prototype.minutesText = function (n) { return fill(this.text.minutes, { n: shownMinutes(n) }); };

  Finder.prototype.choices = function () {
    var form = this.filters;
    var chosen = {
      tempo: form.querySelector('input[name="tempo"]:checked').value,
      min: Number(form.querySelector('input[name="min"]:checked').value)
    };
    form.querySelectorAll("select").forEach(function (select) { chosen[select.name] = select.value; });
    return chosen;
  };

  Finder.prototype.setChoices = function (params) {
    var form = this.filters;
    ["tempo", "min"].forEach(function (name) {
      var wanted = params.get(name);
      var radio = wanted && form.querySelector('input[name="' + name + '"][value="' + CSS.escape(wanted) + '"]');
      if (radio) radio.checked = true;
    });
    form.querySelectorAll("select").forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) select.value = wanted;
    });
  };

  function matches(item, name, value) {
    if (!value) return true;
    if (name === "toegankelijk") return item.dataset[value] === "ja";
    return (item.dataset[name] || "").split(" ").indexOf(value) !== -1;
  }

  // Choose a start: {kind: "buurt", buurt, label} or {kind: "punt"|"adres"|"locatie"|"kaart", lat, lon, label}.
  Finder.prototype.choose = function (start) {
    var self = this;
    var began = performance.now();
    self.start = start;
    self.say("finder_busy");
    self.root.dataset.vinderState = "bezig";
    return self.metresFor(start).then(function (metres) {
      self.metres = metres;
      if (metres === null) {
        self.say("finder_outside");
        self.root.dataset.vinderState = "buiten";
        return;
      }
      self.say("");
      self.show();
      self.root.dataset.vinderMs = (performance.now() - began).toFixed(1);
      self.root.dataset.vinderState = "klaar";
    }).catch(function () {
      self.say("finder_data_failed");
      self.root.dataset.vinderState = "fout";
    });
  };

  Finder.prototype.metresFor = function (start) {
    if (start.kind === "buurt") {
      var option = this.buurtSelect.querySelector('option[value="' + CSS.escape(start.buurt) + '"]');
      if (!option || !option.value) return Promise.resolve(null);
      var metres = {};
      option.dataset.m.split(" ").filter(Boolean).forEach(function (pair) {
        var parts = pair.split(":");
        metres[parts[0]] = Number(parts[1]);
      });
      return Promise.resolve(metres);
    }
    var grid = this.grid;
    var cell = cellOf(grid, start.lat, start.lon);
    if (!cell) return Promise.resolve(null);
    // A point inside the grid without a tile has no place within reach: an empty list, not "outside".
    return this.tile(cell.key).then(function (tile) { return metresAt(grid, tile, cell); });
  };

  Finder.prototype.tile = function (key) {
    if (this.grid.tiles.indexOf(key) === -1) return Promise.resolve(null);  // no place within reach of this part
    if (!(key in this.tiles)) {
      var url = this.root.dataset.tiles + key + ".json?v=" + this.grid.version;
      this.tiles[key] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error("tile " + response.status);
        return response.json();
      });
      var tiles = this.tiles;
      this.tiles[key].catch(function () { delete tiles[key]; });
    }
    return this.tiles[key];
  };

  Finder.prototype.startLabel = function () {
    var s = this.start;
    if (s.kind === "buurt") return fill(this.text.finder_start_buurt, { name: s.label });
    if (s.kind === "adres" || (s.kind === "punt" && s.label)) return fill(this.text.finder_start_address, { name: s.label });
    if (s.kind === "locatie") return this.text.finder_start_location;
    return this.text.finder_start_map;
  };

  Finder.prototype.show = function () {
    if (!this.start || !this.metres) return;
    var self = this;
    var chosen = self.choices();
    var perMinute = self.mpm[chosen.tempo];
    var rows = [];
    self.items.forEach(function (item) {
      var metres = self.metres[item.dataset.plek];
      var minutes = metres === undefined ? Infinity : metres / perMinute;
      var ok = minutes !== Infinity && shownMinutes(minutes) <= chosen.min &&
        ["dag", "thema", "taal", "toegankelijk"].every(function (name) { return matches(item, name, chosen[name]); });
      item.hidden = !ok;
      if (!ok) return;
      var normal = self.minutesText(metres / self.mpm.normaal);
      var slow = self.minutesText(metres / self.mpm.rustig);
      var template = chosen.tempo === "rustig" ? self.text.finder_walk_slow_first : self.text.finder_walk_both;
      item.querySelector("[data-vinder-min]").textContent = fill(template, { normal: normal, slow: slow });
      item.dataset.minuten = String(shownMinutes(minutes));
      rows.push({ item: item, metres: metres });
    });
    rows.sort(function (a, b) { return a.metres - b.metres; });
    rows.forEach(function (row) { self.list.appendChild(row.item); });
    var count = rows.length === 1 ? self.text.finder_count_one : fill(self.text.finder_count_many, { n: rows.length });
    var pace = chosen.tempo === "rustig" ? self.text.finder_pace_slow : self.text.finder_pace_normal;
    var summary = fill(self.text.finder_summary, {
      count: count, minutes: self.minutesText(chosen.min), start: self.startLabel(), pace: pace.toLowerCase()
    });
    self.root.querySelector("[data-vinder-summary]").textContent = rows.length ? summary : summary + " " + self.text.finder_none;
    self.root.querySelector("[data-vinder-results]").hidden = false;
    self.remember(chosen);
    self.drawMap(rows);
  };

  // The state lives in the URL, so a verbinder can share or bookmark the list.
  Finder.prototype.remember = function (chosen) {
    var query = new URLSearchParams();
    var s = this.start;
    if (s.kind === "buurt") query.set("buurt", s.buurt);
    else {
      query.set("punt", s.lat.toFixed(5) + "," + s.lon.toFixed(5));
      if (s.kind === "adres" && s.label) query.set("naam", s.label);
    }
    Object.keys(chosen).forEach(function (name) { if (chosen[name]) query.set(name, String(chosen[name])); });
    window.history.replaceState(null, "", window.location.pathname + "?" + query.toString());
  };

  Finder.prototype.fromUrl = function () {
    var params = new URLSearchParams(window.location.search);
    this.setChoices(params);
    if (params.get("buurt")) {
      this.buurtSelect.value = params.get("buurt");
      var option = this.buurtSelect.selectedOptions[0];
      if (option && option.value) this.choose({ kind: "buurt", buurt: option.value, label: option.textContent });
      return;
    }
    var point = (params.get("punt") || "").split(",").map(Number);
    if (point.length === 2 && point.every(isFinite)) {
      var naam = params.get("naam");
      this.choose({ kind: naam ? "adres" : "kaart", lat: point[0], lon: point[1], label: naam || "" });
    }
  };

  // --- address search through PDOK Locatieserver (the only request besides map tiles) -----------

  Finder.prototype.pdok = function (path) {
    return fetch(this.root.dataset.pdok + path).then(function (response) {
      if (!response.ok) throw new Error("PDOK " + response.status);
      return response.json();
    });
  };

  Finder.prototype.searchAddress = function (text) {
    var self = this;
    var box = self.root.querySelector("[data-vinder-suggesties]");
    var list = box.querySelector("ul");
    list.textContent = "";
    box.hidden = true;
    if (!text) return Promise.resolve();
    if (navigator.onLine === false) { self.say("finder_offline"); return Promise.resolve(); }
    self.say("finder_busy");
    var query = "suggest?q=" + encodeURIComponent(text) + "&fq=type:adres&fq=gemeentenaam:Eindhoven&rows=5";
    return self.pdok(query).then(function (answer) {
      var docs = (answer.response && answer.response.docs) || [];
      if (!docs.length) { self.say("finder_address_none"); return; }
      self.say("");
      docs.forEach(function (doc) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button";
        button.textContent = doc.weergavenaam;  // text, never markup
        button.addEventListener("click", function () { self.lookupAddress(doc.id, doc.weergavenaam); });
        var li = document.createElement("li");
        li.appendChild(button);
        list.appendChild(li);
      });
      box.hidden = false;
      list.querySelector("button").focus();
    }).catch(function () {
      self.say(navigator.onLine === false ? "finder_offline" : "finder_address_failed");
    });
  };

  Finder.prototype.lookupAddress = function (id, name) {
    var self = this;
    self.say("finder_busy");
    return self.pdok("lookup?id=" + encodeURIComponent(id)).then(function (answer) {
      var doc = answer.response && answer.response.docs && answer.response.docs[0];
      var match = doc && /POINT\(\s*([-\d.]+)\s+([-\d.]+)\s*\)/.exec(doc.centroide_ll || "");
      if (!match) { self.say("finder_address_none"); return; }
      self.root.querySelector("[data-vinder-suggesties]").hidden = true;
      return self.choose({ kind: "adres", lat: Number(match[2]), lon: Number(match[1]), label: name });
    }).catch(function () {
      self.say(navigator.onLine === false ? "finder_offline" : "finder_address_failed");
    });
  };

  // --- your location: read in the browser, never sent anywhere ----------------------------------

  Finder.prototype.useLocation = function () {
    var self = this;
    if (!navigator.geolocation) { self.say("finder_location_unsupported"); return; }
    self.say("finder_busy");
    navigator.geolocation.getCurrentPosition(function (position) {
      self.choose({ kind: "locatie", lat: position.coords.latitude, lon: position.coords.longitude });
    }, function (error) {
      self.say(error && error.code === 1 ? "finder_location_denied" : "finder_location_failed");
    }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
  };

  // --- the map: an extra; everything works from the list ----------------------------------------

  Finder.prototype.setupMap = function () {
    var holder = this.root.querySelector("[data-vinder-kaart]");
    if (!window.L || !holder) { if (holder) holder.hidden = true; return; }
    var self = this;
    self.map = L.map(holder, { scrollWheelZoom: false }).setView([51.44, 5.478], 12);
    L.tileLayer(self.root.dataset.tileUrl, {
      minZoom: 11, maxZoom: 19, attribution: self.text.finder_tiles_attribution
    }).addTo(self.map);
    self.layer = L.layerGroup().addTo(self.map);
    self.map.on("click", function (event) {
      self.choose({ kind: "kaart", lat: event.latlng.lat, lon: event.latlng.lng });
    });
    self.root.querySelector("[data-vinder-maphint]").hidden = false;
  };

  Finder.prototype.drawMap = function (rows) {
    if (!this.map) return;
    var self = this;
    self.layer.clearLayers();
    var start = self.start.kind === "buurt" ? null : [self.start.lat, self.start.lon];
    var bounds = [];
    var seen = {};
    rows.forEach(function (row) {
      var item = row.item;
      if (seen[item.dataset.plek] || !item.dataset.lat) return;
      seen[item.dataset.plek] = true;
      var where = [Number(item.dataset.lat), Number(item.dataset.lon)];
      bounds.push(where);
      L.circleMarker(where, { radius: 9, color: "#123b19", weight: 2, fillColor: "#2e7d32", fillOpacity: 0.85 })
        .bindTooltip(item.dataset.naam + " — " + fill(self.text.minutes, { n: item.dataset.minuten }))
        .addTo(self.layer);
    });
    if (start) {
      bounds.push(start);
      L.circleMarker(start, { radius: 11, color: "#a33f00", weight: 4, fillColor: "#ffffff", fillOpacity: 1 }).addTo(self.layer);
    }
    self.map.invalidateSize();
    if (bounds.length > 1) self.map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
    else if (bounds.length === 1) self.map.setView(bounds[0], 16);
  };

  Finder.prototype.setup = function () {
    var self = this;
    var root = self.root;
    root.hidden = false;
    root.querySelector("[data-vinder-buurt]").addEventListener("submit", function (event) {
      event.preventDefault();
      var option = self.buurtSelect.selectedOptions[0];
      if (option && option.value) self.choose({ kind: "buurt", buurt: option.value, label: option.textContent });
      else self.say("finder_choose_first");
    });
    self.buurtSelect.addEventListener("change", function () {
      var option = self.buurtSelect.selectedOptions[0];
      if (option && option.value) self.choose({ kind: "buurt", buurt: option.value, label: option.textContent });
    });
    root.querySelector("[data-vinder-adres]").addEventListener("submit", function (event) {
      event.preventDefault();
      self.searchAddress(event.target.querySelector("input").value.trim());
    });
    root.querySelector("[data-vinder-locatie]").addEventListener("click", function () { self.useLocation(); });
    self.filters.addEventListener("change", function () { self.show(); });
    self.filters.addEventListener("submit", function (event) { event.preventDefault(); });
    root.querySelector("[data-vinder-print]").addEventListener("click", function () { window.print(); });
    self.setupMap();
    self.fromUrl();
  };

  function init() {
    document.querySelectorAll("[data-walk-filter]").forEach(setupWalkFilter);
    document.querySelectorAll("[data-vinder]").forEach(function (root) {
      var finder = new Finder(root);
      root.vinder = finder;  // for the parity test: root.vinder.lookup(lat, lon)
      finder.setup();
    });
  }

  Finder.prototype.lookup = function (lat, lon) {
    var grid = this.grid;
    var cell = cellOf(grid, lat, lon);
    if (!cell) return Promise.resolve({});
    return this.tile(cell.key).then(function (tile) { return tile ? metresAt(grid, tile, cell) : {}; });
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
