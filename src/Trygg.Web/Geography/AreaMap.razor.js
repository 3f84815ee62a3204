// <trygg-area-map src="/api/areas/geojson?level=stadsdel" tiles="https://…/{z}/{x}/{y}.png">: draws the areas of a
// GeoJSON FeatureCollection on a Leaflet map; clicking an area opens /areas/{code}. A custom element, so it starts
// whenever Blazor puts one on the page, also after enhanced navigation.
import { L, TryggMapElement } from '/js/trygg-map.js';

const baseStyle = { color: '#1d4e89', weight: 1, fillColor: '#4f86c6', fillOpacity: 0.15 };
const strongStyle = { ...baseStyle, weight: 2.5, fillOpacity: 0.45 };

class AreaMap extends TryggMapElement {
  async connectedCallback() {
    if (this.map) return;
    const map = this.createMap();
    const data = await this.loadJson('src');
    if (!data) return;

    const highlight = this.getAttribute('highlight');
    const layer = L.geoJSON(data, {
      style: feature => ({ ...(feature.properties.code === highlight ? strongStyle : baseStyle), className: `area-${feature.properties.code}` }),
      onEachFeature: (feature, shape) => {
        shape.bindTooltip(feature.properties.name, { sticky: true });
        shape.on('mouseover', () => shape.setStyle({ fillOpacity: 0.45 }));
        shape.on('mouseout', () => shape.setStyle(feature.properties.code === highlight ? strongStyle : baseStyle));
        shape.on('click', () => window.location.assign(`/areas/${encodeURIComponent(feature.properties.code)}`));
      },
    }).addTo(map);

    if (layer.getLayers().length > 0) {
      map.fitBounds(layer.getBounds(), { padding: [8, 8] });
    } else {
      map.setView([59.33, 18.06], 10);
    }

    this.dataset.features = String(data.features.length);
    this.dataset.state = 'ready';
  }

}

if (!customElements.get('trygg-area-map')) customElements.define('trygg-area-map', AreaMap);
