// <trygg-evaluation-map src="/api/areas/geojson?level=stadsdel" treated="id" buffer="id" control="id">: the areas of an
// effect evaluation on a Leaflet map. A click moves an area on through treated → buffer → control → none and writes the codes
// into the form's three inputs (named by id); codes typed into the inputs colour the map when the input changes. The inputs
// are the form: without this script they are typed by hand and submitted the same way.
import { L, TryggMapElement } from '/js/trygg-map.js';

const roles = ['treated', 'buffer', 'control'];
const colours = { treated: '#b2182b', buffer: '#f4a582', control: '#2166ac' };
const noneStyle = { color: '#5a6b7b', weight: 1, fillColor: '#9aa7b4', fillOpacity: 0.08 };

const codesOf = input => input.value.split(/[\s,;]+/).filter(Boolean);

class EvaluationMap extends TryggMapElement {
  async connectedCallback() {
    if (this.map) return;
    this.inputs = Object.fromEntries(roles.map(role => [role, document.getElementById(this.getAttribute(role))]));
    if (roles.some(role => !this.inputs[role])) return;
    const map = this.createMap();
    const data = await this.loadJson('src');
    if (!data) return;

    this.shapes = new Map();
    const layer = L.geoJSON(data, {
      style: feature => ({ ...noneStyle, className: `area-${feature.properties.code}` }),
      onEachFeature: (feature, shape) => {
        const code = feature.properties.code;
        this.shapes.set(code.toLowerCase(), shape);
        shape.bindTooltip(feature.properties.name, { sticky: true });
        shape.on('click', () => this.cycle(code));
      },
    }).addTo(map);
    const chosen = [...this.shapes].filter(([code]) => this.roleOf(code)).map(([, shape]) => shape);
    const focus = chosen.length > 0 ? L.featureGroup(chosen) : layer;
    if (focus.getLayers().length > 0) {
      map.fitBounds(focus.getBounds(), { padding: [24, 24] });
    } else {
      map.setView([59.33, 18.06], 10);
    }

    // After the view is set: Leaflet draws the shapes (and so has elements to mark) only on a map with a view.
    for (const role of roles) this.inputs[role].addEventListener('change', () => this.paint());
    this.paint();

    this.dataset.features = String(data.features.length);
    this.dataset.state = 'ready';
  }

  roleOf(code) {
    return roles.find(role => codesOf(this.inputs[role]).some(c => c.toLowerCase() === code.toLowerCase()));
  }

  // treated → buffer → control → none → treated.
  cycle(code) {
    const current = this.roleOf(code);
    const next = current === undefined ? roles[0] : roles[roles.indexOf(current) + 1];
    for (const role of roles) {
      const codes = codesOf(this.inputs[role]).filter(c => c.toLowerCase() !== code.toLowerCase());
      if (role === next) codes.push(code);
      this.inputs[role].value = codes.join(',');
    }

    this.paint();
  }

  paint() {
    for (const [code, shape] of this.shapes) {
      const role = this.roleOf(code);
      shape.setStyle(role ? { color: colours[role], weight: 2, fillColor: colours[role], fillOpacity: 0.45 } : noneStyle);
      const element = shape.getElement();
      if (element) element.dataset.role = role ?? '';
    }
  }
}

if (!customElements.get('trygg-evaluation-map')) customElements.define('trygg-evaluation-map', EvaluationMap);
