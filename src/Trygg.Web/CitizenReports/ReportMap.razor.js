// <trygg-report-map latitude-input="id" longitude-input="id" center="59.3884,17.9287" src="/api/citizen-reports/public">: residents'
// reports on a Leaflet map. With the two input ids a tap on the map puts the pin there and writes it into the inputs (WGS84,
// six decimals); typing in the inputs moves the pin, so the form works without the map too. With src, the published reports
// are drawn as points at the place they may be shown (PublicPlace: exact or at the centre of their 250 m square). With
// nearby-src, service-input and nearby-output, the form says how many open reports of the same kind lie near the pin as it
// moves; the form's next step lists them either way, so this only tells sooner. With areas-src, the districts are outlined
// and named on hover (the outlines are public; a tap inside one still places the pin).
import { L, TryggMapElement } from '/js/trygg-map.js';

const pinStyle = { radius: 10, color: '#0b3d1a', weight: 3, fillColor: '#2e9e4f', fillOpacity: 0.9 };
const areaStyle = { color: '#5b6770', weight: 1, fillOpacity: 0.03 };
const reportStyle = { radius: 7, color: '#1d4e89', weight: 2, fillColor: '#4f86c6', fillOpacity: 0.85 };
const stockholm = [59.33, 18.06];

// "59,3884" or "59.3884" as a person types it; NaN when it is no number.
const coordinate = text => Number(String(text).trim().replace(',', '.'));

class ReportMap extends TryggMapElement {
  async connectedCallback() {
    if (this.map) return;
    const map = this.createMap();
    const center = (this.getAttribute('center') ?? '').split(',').map(coordinate);
    if (center.length === 2 && center.every(Number.isFinite)) {
      map.setView(center, 16);
    } else {
      map.setView(stockholm, 11);
    }

    if (this.getAttribute('areas-src')) {
      // The districts' outlines help a resident find their place; a map without them still works, so a failure is silent.
      const areas = await this.fetchJson('areas-src').catch(() => null);
      if (areas) {
        L.geoJSON(areas, {
          style: feature => ({ ...areaStyle, className: `area area-${feature.properties.code}` }),
          onEachFeature: (feature, shape) => shape.bindTooltip(feature.properties.name, { sticky: true }),
        }).addTo(map);
      }
    }

    if (this.getAttribute('src')) {
      const data = await this.loadJson('src');
      if (!data) return;
      const points = [];
      for (const report of data.reports.filter(r => r.latitude !== null && r.longitude !== null)) {
        points.push([report.latitude, report.longitude]);
        L.circleMarker([report.latitude, report.longitude], { ...reportStyle, className: `report report-${report.id}` })
          .bindTooltip(`${report.service} · ${report.status}`)
          .addTo(map);
      }

      if (points.length > 0 && !this.hasAttribute('center')) map.fitBounds(points, { padding: [24, 24], maxZoom: 15 });
      this.dataset.reports = String(points.length);
    }

    this.latitude = document.getElementById(this.getAttribute('latitude-input') ?? '');
    this.longitude = document.getElementById(this.getAttribute('longitude-input') ?? '');
    if (this.latitude && this.longitude) {
      map.on('click', event => this.pin(event.latlng.lat, event.latlng.lng, true));
      const typed = () => this.pin(coordinate(this.latitude.value), coordinate(this.longitude.value), false);
      this.latitude.addEventListener('change', typed);
      this.longitude.addEventListener('change', typed);
      document.getElementById(this.getAttribute('service-input') ?? '')?.addEventListener('change', () => this.countNearby());
      if (this.latitude.value && this.longitude.value) { // a form shown again keeps its pin, in view
        typed();
        if (this.chosen) map.setView(this.chosen.getLatLng(), 16);
      }
    }

    this.dataset.state = 'ready';
  }

  // Draws the pin, and writes it into the inputs when it came from a tap.
  pin(lat, lng, fromTap) {
    if (!Number.isFinite(lat) || !Number.isFinite(lng)) return;
    if (fromTap) {
      this.latitude.value = lat.toFixed(6);
      this.longitude.value = lng.toFixed(6);
      this.latitude.dispatchEvent(new Event('input', { bubbles: true }));
    }

    this.countNearby();
    if (this.chosen) {
      this.chosen.setLatLng([lat, lng]);
    } else {
      this.chosen = L.circleMarker([lat, lng], { ...pinStyle, className: 'report-pin', interactive: false })
        .bindTooltip(this.getAttribute('chosen-text') ?? '')
        .addTo(this.map);
    }
  }

  // "2 open reports of the same kind within 250 m": fetched for the chosen service and pin; silent when it cannot be told.
  async countNearby() {
    const output = document.getElementById(this.getAttribute('nearby-output') ?? '');
    const service = document.getElementById(this.getAttribute('service-input') ?? '')?.value;
    const lat = coordinate(this.latitude?.value ?? ''), lng = coordinate(this.longitude?.value ?? '');
    if (!output || !service || !Number.isFinite(lat) || !Number.isFinite(lng) || !this.getAttribute('nearby-src')) return;
    const query = new URLSearchParams({ service, lat: String(lat), lon: String(lng) });
    try {
      const response = await fetch(`${this.getAttribute('nearby-src')}?${query}`, { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const nearby = await response.json();
      output.textContent = nearby.count > 0 ? (this.getAttribute('nearby-text') ?? '{0}').replace('{0}', String(nearby.count)) : '';
      this.dataset.nearby = String(nearby.count);
    } catch {
      output.textContent = '';
    }
  }
}

if (!customElements.get('trygg-report-map')) customElements.define('trygg-report-map', ReportMap);
