// The base of Trygg's map elements (<trygg-area-map>, <trygg-incident-map>): a Leaflet map inside the element with the
// configured tiles (none in tests), JSON from the element's address attributes, and a message when something fails.
import * as L from '/lib/leaflet/leaflet-src.esm.js';

export { L };

export class TryggMapElement extends HTMLElement {
  createMap() {
    this.dataset.state = 'loading';
    const canvas = document.createElement('div');
    canvas.className = 'area-map-canvas';
    this.replaceChildren(canvas);
    this.map = L.map(canvas, { zoomSnap: 0.25 });
    const tiles = this.getAttribute('tiles');
    if (tiles) L.tileLayer(tiles, { maxZoom: 19, attribution: this.getAttribute('attribution') ?? '' }).addTo(this.map);
    return this.map;
  }

  async fetchJson(attribute) {
    const response = await fetch(this.getAttribute(attribute), { credentials: 'same-origin', headers: { Accept: 'application/json, application/geo+json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  }

  /** The JSON at the element's address attribute, or null once the failure is shown. */
  async loadJson(attribute) {
    try {
      return await this.fetchJson(attribute);
    } catch {
      this.fail();
      return null;
    }
  }

  fail() {
    this.dataset.state = 'error';
    const message = document.createElement('p');
    message.className = 'error';
    message.textContent = this.getAttribute('error-text') ?? 'Kartan kunde inte laddas.';
    this.append(message);
  }

  disconnectedCallback() {
    this.map?.remove();
    this.map = null;
  }
}
