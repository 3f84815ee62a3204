// <trygg-investment-map src="/api/investments" areas-src="/api/areas/geojson?level=stadsdel" latitude-input="id" longitude-input="id">:
// the safety investments as points over the stadsdelar. With the two input ids, a click anywhere on the map chooses the
// place: the point is written into the inputs (WGS84, six decimals, about 10 cm) and drawn; typing in the inputs moves it.
import { L, TryggMapElement } from '/js/trygg-map.js';

const areaStyle = { color: '#1d4e89', weight: 1, fillColor: '#4f86c6', fillOpacity: 0.08 };
const investmentStyle = { radius: 7, color: '#7f2704', weight: 2, fillColor: '#fd8d3c', fillOpacity: 0.9 };
const chosenStyle = { radius: 9, color: '#0b3d1a', weight: 3, fillColor: '#2e9e4f', fillOpacity: 0.9 };

// "59,3884" or "59.3884" as a person types it; NaN when it is no number.
const coordinate = text => Number(String(text).trim().replace(',', '.'));

class InvestmentMap extends TryggMapElement {
  async connectedCallback() {
    if (this.map) return;
    const map = this.createMap();
    let areas, investments;
    try {
      [areas, investments] = await Promise.all([this.fetchJson('areas-src'), this.fetchJson('src')]);
    } catch {
      this.fail();
      return;
    }

    // The view is set before any layer is added: layers queued on a map without a view are drawn when the view comes, and
    // with points queued beside the areas Leaflet then draws an area before its renderer is sized, and fails.
    const areaLayer = L.geoJSON(areas, {
      style: feature => ({ ...areaStyle, className: `area-${feature.properties.code}` }),
      onEachFeature: (feature, shape) => shape.bindTooltip(feature.properties.name, { sticky: true }),
    });
    if (areaLayer.getLayers().length > 0) {
      map.fitBounds(areaLayer.getBounds(), { padding: [8, 8] });
    } else {
      map.setView([59.33, 18.06], 10);
    }

    areaLayer.addTo(map);
    for (const investment of investments.investments) {
      L.circleMarker([investment.latitude, investment.longitude], { ...investmentStyle, className: `investment investment-${investment.id}` })
        .bindTooltip(`${investment.title} (${investment.areaName})`)
        .addTo(map);
    }

    this.latitude = document.getElementById(this.getAttribute('latitude-input') ?? '');
    this.longitude = document.getElementById(this.getAttribute('longitude-input') ?? '');
    if (this.latitude && this.longitude) {
      map.on('click', event => this.choose(event.latlng.lat, event.latlng.lng, true));
      const typed = () => this.choose(coordinate(this.latitude.value), coordinate(this.longitude.value), false);
      this.latitude.addEventListener('change', typed);
      this.longitude.addEventListener('change', typed);
      if (this.latitude.value && this.longitude.value) typed(); // a form shown again after a refusal keeps its place
    }

    this.dataset.investments = String(investments.investments.length);
    this.dataset.state = 'ready';
  }

  // Draws the chosen place, and writes it into the inputs when it came from a click.
  choose(lat, lng, fromClick) {
    if (!Number.isFinite(lat) || !Number.isFinite(lng)) return;
    if (fromClick) {
      this.latitude.value = lat.toFixed(6);
      this.longitude.value = lng.toFixed(6);
    }

    if (this.chosen) {
      this.chosen.setLatLng([lat, lng]);
    } else {
      this.chosen = L.circleMarker([lat, lng], { ...chosenStyle, className: 'chosen-place', interactive: false })
        .bindTooltip(this.getAttribute('chosen-text') ?? '', { permanent: false })
        .addTo(this.map);
    }
  }
}

if (!customElements.get('trygg-investment-map')) customElements.define('trygg-investment-map', InvestmentMap);
