// The netwerkkaart (field type "netwerkkaart"). The answers are the rows of its list
// (lists.js): a first name or role, a ring and a sector per person. The drawing (the SVG that
// macros/web/netmap.py lays out) shows every named person as a button on the right ring and
// sector, and moves them: drag with mouse, finger or pen, or the arrow keys on a person. A
// move sets the row's selects and fires "change", so autosave, export and the other tabs
// treat it as any other answer. Names go in through textContent only, never as HTML.

const MOVE_THRESHOLD = 5; // pixels a pointer travels before a press becomes a drag

export class NetworkMap {
  constructor(fieldset, { t, say }) {
    this.fieldset = fieldset;
    this.t = t;
    this.say = say;
    this.geo = JSON.parse(fieldset.dataset.kwGeometry || "{}");
    this.layer = fieldset.querySelector("[data-kw-netmap-people]");
    this.body = fieldset.querySelector("[data-kw-rows]");
    this.buttons = new Map(); // row number -> button
    this.drag = null;
    if (!this.layer || !this.body || !this.geo.radii) return;
    this.layer.hidden = false;
    fieldset.querySelector("[data-kw-netmap-keys]")?.removeAttribute("hidden");
    fieldset.addEventListener("input", (event) => this.onInput(event));
    fieldset.addEventListener("change", () => this.draw());
    // Rows are added and removed by lists.js on click; draw once it is done.
    fieldset.addEventListener("click", (event) => {
      if (event.target.closest("[data-kw-add-row], [data-kw-remove-row]")) {
        setTimeout(() => this.draw(), 0);
      }
    });
    this.layer.addEventListener("keydown", (event) => this.onKey(event));
    this.layer.addEventListener("pointerdown", (event) => this.onPointerDown(event));
    this.layer.addEventListener("pointermove", (event) => this.onPointerMove(event));
    this.layer.addEventListener("pointerup", (event) => this.onPointerUp(event));
    this.layer.addEventListener("pointercancel", () => this.endDrag());
    this.draw();
  }

  rows() {
    return Array.from(this.body.querySelectorAll(":scope > tr[data-kw-row]"));
  }

  part(row, name) {
    return row.querySelector(`[name$="-${name}"]`);
  }

  person(row) {
    const ring = this.geo.rings.indexOf(this.part(row, "kring")?.value);
    const sector = this.geo.sectors.indexOf(this.part(row, "sector")?.value);
    return { row, n: row.dataset.kwRow, name: (this.part(row, "naam")?.value || "").trim(),
             ring, sector };
  }

  labelOf(row, name) {
    const select = this.part(row, name);
    return select?.selectedOptions[0]?.textContent || "";
  }

  // A name typed in a row that has no place yet goes on the closest ring, first sector, so
  // that it shows on the drawing at once; the selects beside it say where.
  onInput(event) {
    const row = event.target.closest("tr[data-kw-row]");
    if (!row || !event.target.name?.endsWith("-naam") || !event.target.value.trim()) {
      this.draw();
      return;
    }
    for (const [name, first] of [["kring", this.geo.rings[0]], ["sector", this.geo.sectors[0]]]) {
      const select = this.part(row, name);
      if (select && select.value === "") select.value = first;
    }
    this.draw();
  }

  // Where person i of `count` in one ring and sector stands, in units of the drawing.
  spot(ring, sector, i, count) {
    const { me, radii, start, size } = this.geo;
    const width = 360 / this.geo.sectors.length;
    const inner = ring === 0 ? me : radii[ring - 1];
    const outer = radii[ring];
    // Rings are narrow near the middle: a lone name sits towards the outer edge; more names
    // in one place alternate between two distances, so neighbours do not cover each other.
    const share = count > 1 ? (i % 2 ? 0.82 : 0.42) : 0.62;
    const radius = inner + (outer - inner) * share;
    const angle = ((start + width * (sector + (i + 1) / (count + 1))) * Math.PI) / 180;
    return { x: size / 2 + radius * Math.sin(angle), y: size / 2 - radius * Math.cos(angle) };
  }

  // The ring and sector under a point of the drawing (units); outside the rings is the
  // outer ring, inside "ik" the closest one.
  placeAt(x, y) {
    const { radii, start, size } = this.geo;
    const dx = x - size / 2;
    const dy = y - size / 2;
    const distance = Math.hypot(dx, dy);
    let ring = radii.findIndex((r) => distance <= r);
    if (ring < 0) ring = radii.length - 1;
    const width = 360 / this.geo.sectors.length;
    const degrees = (Math.atan2(dx, -dy) * 180) / Math.PI;
    const sector = Math.floor((((degrees - start) % 360) + 360) % 360 / width);
    return { ring, sector: Math.min(sector, this.geo.sectors.length - 1) };
  }

  draw() {
    const people = this.rows().map((row) => this.person(row))
      .filter((p) => p.name && p.ring >= 0 && p.sector >= 0);
    const cells = new Map();
    for (const p of people) {
      const key = `${p.ring}/${p.sector}`;
      cells.set(key, [...(cells.get(key) || []), p]);
    }
    const seen = new Set();
    for (const group of cells.values()) {
      group.forEach((p, i) => {
        let button = this.buttons.get(p.n);
        if (!button) {
          button = document.createElement("button");
          button.type = "button";
          button.className = "kw-netmap-person";
          button.dataset.kwPerson = p.n;
          this.buttons.set(p.n, button);
          this.layer.append(button);
        }
        const { x, y } = this.spot(p.ring, p.sector, i, group.length);
        button.style.left = `${(x / this.geo.size) * 100}%`;
        button.style.top = `${(y / this.geo.size) * 100}%`;
        if (button.textContent !== p.name) button.textContent = p.name;
        button.setAttribute("aria-label", this.t("map_person", {
          naam: p.name, kring: this.labelOf(p.row, "kring"), vak: this.labelOf(p.row, "sector") }));
        seen.add(p.n);
      });
    }
    for (const [n, button] of this.buttons) {
      if (!seen.has(n)) {
        button.remove();
        this.buttons.delete(n);
      }
    }
  }

  rowOf(button) {
    return this.rows().find((row) => row.dataset.kwRow === button.dataset.kwPerson);
  }

  // Put a person in a ring and sector: the selects change, the form saves, the drawing follows.
  move(button, ring, sector) {
    const row = this.rowOf(button);
    if (!row) return;
    const kring = this.part(row, "kring");
    const vak = this.part(row, "sector");
    kring.value = this.geo.rings[ring];
    vak.value = this.geo.sectors[sector];
    kring.dispatchEvent(new Event("change", { bubbles: true }));
    const name = this.person(row).name;
    this.say(this.t("map_moved", { naam: name, kring: this.labelOf(row, "kring"),
                                   vak: this.labelOf(row, "sector") }));
    this.buttons.get(row.dataset.kwRow)?.focus();
  }

  onKey(event) {
    const button = event.target.closest(".kw-netmap-person");
    const row = button && this.rowOf(button);
    if (!row) return;
    const p = this.person(row);
    const sectors = this.geo.sectors.length;
    let { ring, sector } = p;
    switch (event.key) {
      case "ArrowUp": ring -= 1; break;
      case "ArrowDown": ring += 1; break;
      case "ArrowLeft": sector = (sector + sectors - 1) % sectors; break;
      case "ArrowRight": sector = (sector + 1) % sectors; break;
      default: return;
    }
    event.preventDefault();
    if (ring < 0 || ring >= this.geo.rings.length) {
      this.say(this.t("map_edge", { naam: p.name, kring: this.labelOf(row, "kring") }));
      return;
    }
    this.move(button, ring, sector);
  }

  onPointerDown(event) {
    const button = event.target.closest(".kw-netmap-person");
    if (!button || (event.pointerType === "mouse" && event.button !== 0)) return;
    this.drag = { button, id: event.pointerId, x: event.clientX, y: event.clientY, moved: false };
    button.setPointerCapture?.(event.pointerId);
  }

  onPointerMove(event) {
    const drag = this.drag;
    if (!drag || drag.id !== event.pointerId) return;
    if (!drag.moved && Math.hypot(event.clientX - drag.x, event.clientY - drag.y) < MOVE_THRESHOLD) {
      return;
    }
    drag.moved = true;
    drag.button.dataset.kwDragging = "";
    const box = this.layer.getBoundingClientRect();
    drag.button.style.left = `${((event.clientX - box.left) / box.width) * 100}%`;
    drag.button.style.top = `${((event.clientY - box.top) / box.height) * 100}%`;
    event.preventDefault();
  }

  onPointerUp(event) {
    const drag = this.drag;
    if (!drag || drag.id !== event.pointerId) return;
    if (drag.moved) {
      const box = this.layer.getBoundingClientRect();
      const { ring, sector } = this.placeAt(
        ((event.clientX - box.left) / box.width) * this.geo.size,
        ((event.clientY - box.top) / box.height) * this.geo.size);
      this.endDrag();
      this.move(drag.button, ring, sector);
    } else {
      this.endDrag();
    }
  }

  endDrag() {
    if (this.drag) delete this.drag.button.dataset.kwDragging;
    this.drag = null;
    this.draw();
  }
}
