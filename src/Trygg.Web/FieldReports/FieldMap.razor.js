// <trygg-field-map areas-src="/api/areas/geojson?level=stadsdel" points='[{"lat":59.38,"lon":17.92,"label":"…","kind":"report-3"}]'
//   focus="0180-sd-rinkeby" latitude-input="id" longitude-input="id">: field reports and safety-walk points over the stadsdelar.
// The map opens on the focus area (its stadsdelar when it is a stadsdelsområde). With the two input ids a tap places the pin:
// its place is written into the inputs (WGS84, six decimals), and typing in the inputs moves it, so the form works without the map.
import { L, TryggMapElement } from '/js/trygg-map.js';

const areaStyle = { color: '#1d4e89', weight: 1, fillColor: '#4f86c6', fillOpacity: 0.06 };
const focusStyle = { ...areaStyle, weight: 2.5, fillOpacity: 0.15 };
const pointStyle = { radius: 8, color: '#7f2704', weight: 2, fillColor: '#fd8d3c', fillOpacity: 0.9 };
const pinStyle = { radius: 11, color: '#0b3d1a', weight: 3, fillColor: '#2e9e4f', fillOpacity: 0.9 };

// "59,3884" or "59.3884" as a person types it; NaN when it is no number.
const coordinate = text => Number(String(text).trim().replace(',', '.'));

class FieldMap extends TryggMapElement {
  async connectedCallback() {
    if (this.map) return;
    const map = this.createMap();
    const areas = await this.loadJson('areas-src');
    if (!areas) return;

    const focus = this.getAttribute('focus') ?? '';
    const inFocus = feature => focus !== '' && (feature.properties.code === focus || feature.properties.parentCode === focus);
    const areaLayer = L.geoJSON(areas, {
      style: feature => ({ ...(inFocus(feature) ? focusStyle : areaStyle), className: `area-${feature.properties.code}` }),
      onEachFeature: (feature, shape) => shape.bindTooltip(feature.properties.name, { sticky: true }),
    });
    const focused = L.featureGroup(areaLayer.getLayers().filter(shape => inFocus(shape.feature)));
    const bounds = (focused.getLayers().length > 0 ? focused : areaLayer).getBounds();
    // The view is set before layers are added, as in the other maps: Leaflet draws queued layers when the view comes.
    if (bounds.isValid()) {
      map.fitBounds(bounds, { padding: [8, 8] });
    } else {
      map.setView([59.33, 18.06], 10);
    }

    areaLayer.addTo(map);
    const points = JSON.parse(this.getAttribute('points') || '[]');
    for (const point of points) {
      L.circleMarker([point.lat, point.lon], { ...pointStyle, className: `field-point ${point.kind ?? ''}` }).bindTooltip(point.label ?? '').addTo(map);
    }

    this.latitude = document.getElementById(this.getAttribute('latitude-input') ?? '');
    this.longitude = document.getElementById(this.getAttribute('longitude-input') ?? '');
    if (this.latitude && this.longitude) {
      map.on('click', event => this.place(event.latlng.lat, event.latlng.lng, true));
      const typed = () => this.place(coordinate(this.latitude.value), coordinate(this.longitude.value), false);
      this.latitude.addEventListener('change', typed);
      this.longitude.addEventListener('change', typed);
      if (this.latitude.value && this.longitude.value) typed(); // a form shown again after a refusal keeps its pin
    }

    this.dataset.points = String(points.length);
    this.dataset.state = 'ready';
  }

  // Draws the pin, and writes its place into the inputs when it came from a tap.
  place(lat, lng, fromTap) {
    if (!Number.isFinite(lat) || !Number.isFinite(lng)) return;
    if (fromTap) {
      this.latitude.value = lat.toFixed(6);
      this.longitude.value = lng.toFixed(6);
      this.latitude.dispatchEvent(new Event('input', { bubbles: true }));
    }

    if (this.pin) {
      this.pin.setLatLng([lat, lng]);
    } else {
      this.pin = L.circleMarker([lat, lng], { ...pinStyle, className: 'field-pin', interactive: false })
        .bindTooltip(this.getAttribute('pin-text') ?? '')
        .addTo(this.map);
    }
  }
}

if (!customElements.get('trygg-field-map')) customElements.define('trygg-field-map', FieldMap);
