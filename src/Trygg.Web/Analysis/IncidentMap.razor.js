// <trygg-incident-map>: the Karta page's map. Areas coloured by their count or rate per 1,000 residents in the selection
// (five quantile classes with a legend), and layers a person switches on: points (clustered), kernel density, and Gi* hot and
// cold spots (areas, and cells where incidents have points). A month slider narrows every layer to one month; every layer can
// be exported, and the whole map as a PNG. Clicking an area opens its profile with the same filters.
import { L, TryggMapElement } from '/js/trygg-map.js';

const palette = ['#fff5eb', '#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'];
const densityPalette = ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#756bb1', '#54278f'];
const binColours = { '3': '#b2182b', '2': '#ef8a62', '1': '#fddbc7', '-1': '#d1e5f0', '-2': '#67a9cf', '-3': '#2166ac' };
const noData = '#d9d9d9';
const number = (value, digits = 0) => value.toLocaleString('sv-SE', { maximumFractionDigits: digits });

// Class edges from the quartiles of the positive values, without repeats: up to three edges, so up to five classes with 0
// (or no data) as the first. Few distinct values give fewer classes rather than classes that mean the same.
function breaks(values) {
  const sorted = values.filter(v => v > 0).sort((a, b) => a - b);
  const edges = [0.25, 0.5, 0.75].map(q => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
  return [...new Set(edges.filter(e => e !== undefined))].filter(e => e < sorted[sorted.length - 1]);
}

// 0 for none (or no data), then 1 … edges.length + 1.
function classOf(value, edges) {
  if (!(value > 0)) return 0;
  const k = edges.findIndex(e => value <= e);
  return k < 0 ? edges.length + 1 : k + 1;
}

// The first and last day of a 'yyyy-MM' month.
function monthRange(month) {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return [`${month}-01`, `${month}-${String(last).padStart(2, '0')}`];
}

class IncidentMap extends TryggMapElement {
  async connectedCallback() {
    if (this.map) return;
    this.createMap();
    this.layers = {};
    this.section = this.closest('section');
    this.month = '';
    this.rate = this.getAttribute('measure') === 'rate';

    if (!(await this.drawAreas())) return;
    this.section?.querySelectorAll('[data-layer]').forEach(toggle => {
      toggle.addEventListener('change', () => this.toggleLayer(toggle.dataset.layer, toggle.checked));
      if (toggle.checked) this.toggleLayer(toggle.dataset.layer, true);
    });
    const slider = this.section?.querySelector('[data-months]');
    if (slider) {
      const months = JSON.parse(slider.dataset.months);
      const output = this.section.querySelector('output[for=month]');
      slider.addEventListener('change', async () => {
        this.month = slider.value === '0' ? '' : months[Number(slider.value) - 1].key;
        output.textContent = slider.value === '0' ? output.dataset.all : months[Number(slider.value) - 1].label;
        await this.refresh();
      });
      slider.addEventListener('input', () => {
        output.textContent = slider.value === '0' ? output.dataset.all : months[Number(slider.value) - 1].label;
      });
    }
    this.section?.querySelector('[data-export=png]')?.addEventListener('click', () => this.exportPng());
    this.updateExports();
  }

  // An API address with the slider's month in place of the period.
  source(attribute, extra = '') {
    const url = new URL(this.getAttribute(attribute), window.location.origin);
    if (this.month) {
      const [from, to] = monthRange(this.month);
      url.searchParams.set('from', from);
      url.searchParams.set('to', to);
    }
    if (extra) new URLSearchParams(extra).forEach((v, k) => url.searchParams.set(k, v));
    return url.pathname + url.search;
  }

  async fetchFrom(address) {
    const response = await fetch(address, { credentials: 'same-origin', headers: { Accept: 'application/json, application/geo+json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  }

  async drawAreas() {
    try {
      const areas = await this.fetchFrom(this.source('areas-src'));
      this.areaData = areas;
      const value = f => (this.rate ? f.properties.rate : f.properties.count);
      const edges = breaks(areas.features.map(value).filter(v => v != null));
      this.layers.areas?.remove();
      this.layers.areas = L.geoJSON(areas, {
        style: feature => {
          const v = value(feature);
          const fill = this.rate && v == null ? noData : this.colour(classOf(v, edges), edges.length);
          return { color: '#555', weight: 1, fillOpacity: 0.75, fillColor: fill, className: `area-${feature.properties.code}` };
        },
        onEachFeature: (feature, shape) => {
          const p = feature.properties;
          const rate = p.rate == null ? this.getAttribute('no-population-text') : `${number(p.rate, 1)} (${number(p.rateLow, 1)}–${number(p.rateHigh, 1)})`;
          shape.bindTooltip(`<strong>${p.name}</strong><br>${this.getAttribute('count-text')}: ${number(p.count)}<br>${this.getAttribute('rate-text')}: ${rate}`, { sticky: true });
          shape.on('click', () => window.location.assign(`/areas/${encodeURIComponent(p.code)}${this.profileQuery()}`));
        },
      }).addTo(this.map);
      this.layers.areas.bringToBack();
      if (!this.fitted) {
        this.map.fitBounds(this.layers.areas.getBounds(), { padding: [8, 8] });
        this.fitted = true;
      }
      this.legend?.remove();
      this.legend = this.addLegend(edges);
      this.dataset.features = String(this.layers.areas.getLayers().length);
      this.dataset.total = String(areas.total);
      this.dataset.state = 'ready';
      return true;
    } catch {
      this.fail();
      return false;
    }
  }

  profileQuery() {
    const url = new URL(this.source('areas-src'), window.location.origin);
    url.searchParams.delete('level');
    return url.search;
  }

  async refresh() {
    this.dataset.state = 'loading';
    await this.drawAreas();
    for (const name of ['points', 'density', 'hotspots']) {
      if (this.layers[name]) await this.toggleLayer(name, true);
    }
    this.updateExports();
  }

  async toggleLayer(name, on) {
    this.layers[name]?.remove();
    this.layers[name] = null;
    delete this.dataset[name];
    const note = this.section?.querySelector(`[data-note=${name}]`);
    if (!on) {
      if (note) note.hidden = true;
      return;
    }
    try {
      const count = await this[`draw_${name}`]();
      this.dataset[name] = String(count);
      if (note) note.hidden = count > 0;
    } catch {
      this.fail();
    }
  }

  async draw_points() {
    const points = await this.fetchFrom(this.source('points-src'));
    const latLngs = points.features.map(f => L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]));
    const group = L.layerGroup().addTo(this.map);
    const cluster = () => {
      group.clearLayers();
      const cells = new Map();
      for (const latLng of latLngs) {
        const p = this.map.latLngToLayerPoint(latLng);
        const key = `${Math.floor(p.x / 60)},${Math.floor(p.y / 60)}`;
        const cell = cells.get(key) ?? { lat: 0, lng: 0, n: 0 };
        cell.lat += latLng.lat; cell.lng += latLng.lng; cell.n++;
        cells.set(key, cell);
      }
      for (const { lat, lng, n } of cells.values()) {
        L.circleMarker([lat / n, lng / n], { radius: n === 1 ? 4 : 8 + 3 * Math.log2(n), color: '#08306b', weight: 1, fillColor: '#2171b5', fillOpacity: 0.7, className: 'incident-point' })
          .bindTooltip(n === 1 ? this.getAttribute('one-point-text') : `${number(n)} ${this.getAttribute('points-text')}`)
          .addTo(group);
      }
    };
    cluster();
    this.map.on('zoomend', cluster);
    group.on('remove', () => this.map?.off('zoomend', cluster));
    this.layers.points = group;
    return points.features.length;
  }

  async draw_density() {
    const cells = await this.fetchFrom(this.source('density-src'));
    const edges = breaks(cells.features.map(f => f.properties.density));
    this.layers.density = L.geoJSON(cells, {
      renderer: L.canvas(),
      style: f => ({ stroke: false, fillOpacity: 0.65, fillColor: densityPalette[Math.min(4, classOf(f.properties.density, edges))] }),
      interactive: false,
    }).addTo(this.map);
    const note = this.section?.querySelector('[data-note=density]');
    if (note) note.querySelector('[data-without]').textContent = number(cells.withoutPoint ?? 0);
    if (cells.features.length > 0) {
      this.dataset.densityCell = String(cells.cell);
      this.dataset.densityRadius = String(cells.radius);
    }
    return cells.features.length;
  }

  async draw_hotspots() {
    const style = bin => ({ color: binColours[String(bin)], weight: 4, fill: true, fillOpacity: 0.15, fillColor: binColours[String(bin)], className: 'hotspot' });
    const hotAreas = { type: 'FeatureCollection', features: this.areaData.features.filter(f => f.properties.giBin !== 0) };
    const group = L.layerGroup().addTo(this.map);
    L.geoJSON(hotAreas, {
      style: f => style(f.properties.giBin),
      onEachFeature: (f, shape) => {
        shape.bindTooltip(`${f.properties.name}: Gi* z = ${number(f.properties.giZ, 2)}, ${this.binText(f.properties.giBin)}`, { sticky: true });
        shape.on('click', () => window.location.assign(`/areas/${encodeURIComponent(f.properties.code)}${this.profileQuery()}`));
      },
    }).addTo(group);
    const cells = await this.fetchFrom(this.source('hotspots-src'));
    L.geoJSON(cells, {
      style: f => ({ weight: 0, fillOpacity: 0.8, fillColor: binColours[String(f.properties.bin)], className: 'hotspot-cell' }),
      onEachFeature: (f, shape) => shape.bindTooltip(`Gi* z = ${number(f.properties.z, 2)}, ${this.binText(f.properties.bin)}`),
    }).addTo(group);
    this.layers.hotspots = group;
    this.dataset.hotAreas = String(hotAreas.features.length);
    return hotAreas.features.length + cells.features.length;
  }

  // Class k of edges.length + 2 classes: 0 is the lightest, the highest the darkest, the rest spread between.
  colour(k, edgeCount) {
    if (k === 0) return palette[0];
    const highest = edgeCount + 1;
    return palette[Math.round(1 + (k - 1) * (palette.length - 2) / Math.max(1, highest - 1))];
  }

  binText(bin) {
    const confidence = { 3: '99', 2: '95', 1: '90' }[Math.abs(bin)];
    return `${bin > 0 ? this.getAttribute('hot-text') : this.getAttribute('cold-text')} ${confidence} %`;
  }

  addLegend(edges) {
    const legend = L.control({ position: 'bottomright' });
    legend.onAdd = () => {
      const box = L.DomUtil.create('div', 'map-legend');
      const title = document.createElement('strong');
      title.textContent = this.rate ? this.getAttribute('rate-text') : this.getAttribute('count-text');
      box.append(title);
      const f = v => number(v, this.rate ? 1 : 0);
      const step = this.rate ? 0.1 : 1;
      const bounds = [this.rate ? 0 : 1, ...edges.map(e => e + step)];
      const labels = ['0', ...edges.map((e, i) => (bounds[i] >= e ? f(e) : `${f(bounds[i])}–${f(e)}`)), edges.length ? `> ${f(edges[edges.length - 1])}` : `≥ ${f(bounds[0])}`];
      labels.forEach((label, i) => {
        const row = document.createElement('div');
        const swatch = document.createElement('i');
        swatch.style.background = this.colour(i, edges.length);
        row.append(swatch, document.createTextNode(label));
        box.append(row);
      });
      if (this.rate) {
        const row = document.createElement('div');
        const swatch = document.createElement('i');
        swatch.style.background = noData;
        row.append(swatch, document.createTextNode(this.getAttribute('no-population-text')));
        box.append(row);
      }
      return box;
    };
    legend.addTo(this.map);
    return legend;
  }

  updateExports() {
    this.section?.querySelectorAll('a[data-export]').forEach(link => {
      const [attribute, format] = link.dataset.export.split(':');
      link.href = this.source(attribute, format ? `format=${format}` : '');
    });
  }

  // The map as a picture: every vector layer drawn onto a canvas as it stands on screen, with the legend and a title.
  // Background tiles are left out: they belong to their provider and may not allow copying.
  exportPng() {
    const size = this.map.getSize();
    const canvas = document.createElement('canvas');
    canvas.width = size.x;
    canvas.height = size.y + 40;
    const g = canvas.getContext('2d');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.fillStyle = '#222';
    g.font = 'bold 16px sans-serif';
    g.fillText(this.getAttribute('title-text') + (this.month ? ` · ${this.month}` : ''), 10, 24);
    g.translate(0, 40);
    const drawShape = (layer) => {
      const options = layer.options;
      if (layer instanceof L.CircleMarker) {
        const p = this.map.latLngToContainerPoint(layer.getLatLng());
        g.beginPath();
        g.arc(p.x, p.y, options.radius, 0, 2 * Math.PI);
        g.globalAlpha = options.fillOpacity ?? 0.7;
        g.fillStyle = options.fillColor;
        g.fill();
        g.globalAlpha = 1;
        return;
      }
      if (!(layer instanceof L.Polygon)) return;
      const rings = L.LineUtil.isFlat(layer.getLatLngs()) ? [layer.getLatLngs()] : layer.getLatLngs().flat(layer.getLatLngs()[0][0] instanceof L.LatLng ? 0 : 1);
      g.beginPath();
      for (const ring of rings) {
        ring.forEach((latLng, i) => {
          const p = this.map.latLngToContainerPoint(latLng);
          if (i === 0) g.moveTo(p.x, p.y); else g.lineTo(p.x, p.y);
        });
        g.closePath();
      }
      if (options.fill !== false && options.fillColor) {
        g.globalAlpha = options.fillOpacity ?? 0.2;
        g.fillStyle = options.fillColor;
        g.fill('evenodd');
      }
      if (options.stroke !== false && (options.weight ?? 0) > 0) {
        g.globalAlpha = 1;
        g.strokeStyle = options.color;
        g.lineWidth = options.weight;
        g.stroke();
      }
      g.globalAlpha = 1;
    };
    const walk = layer => (layer.eachLayer ? layer.eachLayer(walk) : drawShape(layer));
    for (const name of ['areas', 'density', 'hotspots', 'points']) {
      if (this.layers[name]) walk(this.layers[name]);
    }
    const legend = this.legend?.getContainer();
    if (legend) {
      const rows = [...legend.children];
      const x = size.x - 170, height = 18 * rows.length + 10;
      g.fillStyle = 'rgba(255,255,255,0.9)';
      g.fillRect(x - 8, size.y - height - 8, 170, height);
      rows.forEach((row, i) => {
        const y = size.y - height + 10 + 18 * i;
        const swatch = row.querySelector?.('i');
        if (swatch) {
          g.fillStyle = swatch.style.background;
          g.fillRect(x, y - 10, 12, 12);
        }
        g.fillStyle = '#222';
        g.font = swatch ? '12px sans-serif' : 'bold 12px sans-serif';
        g.fillText(row.textContent, swatch ? x + 18 : x, y);
      });
    }
    canvas.toBlob(blob => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'karta.png';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    }, 'image/png');
    this.dataset.exported = 'png';
  }
}

if (!customElements.get('trygg-incident-map')) customElements.define('trygg-incident-map', IncidentMap);
