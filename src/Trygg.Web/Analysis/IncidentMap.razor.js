// <trygg-incident-map areas-src="…geojson" counts-src="…aggregate" hotspots-src="…hotspots" tiles="…">: areas coloured by
// their number of incidents (five classes with a legend), an optional layer of Gi* hot and cold spots, and a click on an
// area opens its profile. Counts come from the same filters as the Händelser page.
import { L, TryggMapElement } from '/js/trygg-map.js';

const palette = ['#fff5eb', '#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'];
const binColours = { '3': '#b2182b', '2': '#ef8a62', '1': '#fddbc7', '-1': '#d1e5f0', '-2': '#67a9cf', '-3': '#2166ac' };

function breaks(values) {
  const sorted = values.filter(v => v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [1, 1, 1, 1];
  return [0.2, 0.4, 0.6, 0.8].map(q => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
}

function classOf(value, edges) {
  if (value <= 0) return 0;
  let k = 1;
  while (k < 5 && value > edges[k - 1]) k++;
  return Math.min(k, 4);
}

class IncidentMap extends TryggMapElement {
  async connectedCallback() {
    if (this.map) return;
    const map = this.createMap();

    try {
      const [areas, counts] = await Promise.all([this.fetchJson('areas-src'), this.fetchJson('counts-src')]);
      const byCode = new Map(counts.map(row => [row.key, row]));
      const edges = breaks(counts.filter(r => r.key).map(r => r.count));
      const layer = L.geoJSON(areas, {
        style: feature => {
          const count = byCode.get(feature.properties.code)?.count ?? 0;
          return { color: '#555', weight: 1, fillOpacity: 0.75, fillColor: palette[classOf(count, edges)], className: `area-${feature.properties.code}` };
        },
        onEachFeature: (feature, shape) => {
          const count = byCode.get(feature.properties.code)?.count ?? 0;
          shape.bindTooltip(`${feature.properties.name}: ${count.toLocaleString('sv-SE')}`, { sticky: true });
          shape.on('click', () => window.location.assign(`/areas/${encodeURIComponent(feature.properties.code)}`));
        },
      }).addTo(map);
      map.fitBounds(layer.getBounds(), { padding: [8, 8] });
      this.addLegend(map, edges);
      this.dataset.features = String(layer.getLayers().length);
      this.dataset.state = 'ready';
    } catch {
      this.fail();
      return;
    }

    const toggle = this.closest('section')?.querySelector('[data-layer=hotspots]');
    toggle?.addEventListener('change', () => (toggle.checked ? this.showHotspots() : this.hideHotspots()));
    if (toggle?.checked) this.showHotspots();
  }

  async showHotspots() {
    const note = this.closest('section')?.querySelector('[data-note=hotspots]');
    try {
      const cells = await this.fetchJson('hotspots-src');
      this.hotspots = L.geoJSON(cells, {
        style: f => ({ weight: 0, fillOpacity: 0.8, fillColor: binColours[String(f.properties.bin)], className: 'hotspot' }),
        onEachFeature: (f, shape) => shape.bindTooltip(`Gi* z = ${f.properties.z.toLocaleString('sv-SE')}`),
      }).addTo(this.map);
      if (note) note.hidden = cells.features.length > 0;
      this.dataset.hotspots = String(cells.features.length);
    } catch {
      this.fail();
    }
  }

  hideHotspots() {
    this.hotspots?.remove();
    this.hotspots = null;
    delete this.dataset.hotspots;
  }

  addLegend(map, edges) {
    const legend = L.control({ position: 'bottomright' });
    legend.onAdd = () => {
      const box = L.DomUtil.create('div', 'map-legend');
      const title = document.createElement('strong');
      title.textContent = this.getAttribute('legend-title') ?? 'Händelser';
      box.append(title);
      const range = (low, high) => (low >= high ? `${high}` : `${low}–${high}`);
      const labels = ['0', range(1, edges[0]), range(edges[0] + 1, edges[1]), range(edges[1] + 1, edges[2]), `> ${edges[2]}`];
      labels.forEach((label, i) => {
        const row = document.createElement('div');
        const swatch = document.createElement('i');
        swatch.style.background = palette[i];
        row.append(swatch, document.createTextNode(label));
        box.append(row);
      });
      return box;
    };
    legend.addTo(map);
  }

}

if (!customElements.get('trygg-incident-map')) customElements.define('trygg-incident-map', IncidentMap);
