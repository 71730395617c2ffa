import Geo
/// `map.html`: the SVG inline plus a little script of our own for pan/zoom (wheel and drag, by changing the
/// map viewport's viewBox) and layer toggles. One file, no network: it works opened from disk.
public enum MapHTML {
    public static func page(svg: String, title: String) -> String {
        var body = svg
        if body.hasPrefix("<?xml"), let end = body.range(of: "?>") {
            body = String(body[end.upperBound...])
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(XMLEscape.text(title))</title>
        <style>
        body { margin: 0; font-family: \(TextMetrics.fontFamily); background: #e8e8e8; }
        #toolbar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: center;
                   padding: 6px 12px; background: #ffffff; border-bottom: 1px solid #bbbbbb; font-size: 13px; }
        #toolbar label { cursor: pointer; white-space: nowrap; }
        #toolbar .swatch { display: inline-block; width: 14px; height: 4px; margin: 0 4px 3px 2px; vertical-align: middle; }
        #toolbar button { font: inherit; }
        #toolbar .hint { color: #666666; }
        #figure { padding: 8px; }
        #figure > svg { display: block; max-width: 100%; height: auto; margin: 0 auto; background: #ffffff;
                        box-shadow: 0 1px 4px rgba(0,0,0,0.3); }
        #figure svg#map { cursor: grab; touch-action: none; }
        #figure svg#map.dragging { cursor: grabbing; }
        @media print { #toolbar { display: none; } #figure { padding: 0; } #figure > svg { box-shadow: none; } }
        </style>
        </head>
        <body>
        <div id="toolbar"><strong>Layers:</strong><span id="toggles"></span>
        <button id="reset" type="button">Reset view</button>
        <span class="hint">wheel to zoom, drag to pan, double-click to reset</span></div>
        <div id="figure">\(body)</div>
        <script>
        \(script)
        </script>
        </body>
        </html>

        """
    }

    static let script = """
    (function () {
      "use strict";
      var map = document.querySelector("#figure svg#map");
      if (!map) { return; }
      var full = map.viewBox.baseVal;
      var home = { x: full.x, y: full.y, w: full.width, h: full.height };
      var view = { x: home.x, y: home.y, w: home.w, h: home.h };
      var basePixelsPerMetre = parseFloat(map.getAttribute("data-pixels-per-metre"));

      function niceMetres(pixelsPerMetre, target) {
        var most = target / pixelsPerMetre, power = Math.pow(10, Math.floor(Math.log10(most)));
        var factors = [5, 2, 1];
        for (var i = 0; i < factors.length; i++) { if (factors[i] * power <= most) { return factors[i] * power; } }
        return power;
      }
      function lengthText(metres) {
        if (metres >= 1000) { var km = metres / 1000; return (Math.round(km * 10) / 10) + " km"; }
        return Math.round(metres) + " m";
      }
      function updateScaleBar() {
        var bar = document.getElementById("scalebar");
        if (!bar || !(basePixelsPerMetre > 0)) { return; }
        var pixelsPerMetre = basePixelsPerMetre * home.w / view.w;
        var metres = niceMetres(pixelsPerMetre, Math.min(220, home.w / 4));
        var half = metres * pixelsPerMetre / 2;
        var a = document.getElementById("sb-a"), b = document.getElementById("sb-b");
        var left = parseFloat(a.getAttribute("x"));
        a.setAttribute("width", half);
        b.setAttribute("x", left + half);
        b.setAttribute("width", half);
        var mid = document.getElementById("sb-mid"), end = document.getElementById("sb-end");
        mid.setAttribute("x", left + half); mid.textContent = lengthText(metres / 2);
        end.setAttribute("x", left + 2 * half); end.textContent = lengthText(metres);
        bar.setAttribute("data-metres", metres);
      }
      function apply() {
        map.setAttribute("viewBox", view.x + " " + view.y + " " + view.w + " " + view.h);
        updateScaleBar();
      }
      function clampView() {
        view.w = Math.min(home.w, Math.max(home.w / 40, view.w));
        view.h = view.w * home.h / home.w;
        view.x = Math.min(home.x + home.w - view.w * 0.2, Math.max(home.x - view.w * 0.8, view.x));
        view.y = Math.min(home.y + home.h - view.h * 0.2, Math.max(home.y - view.h * 0.8, view.y));
      }
      map.addEventListener("wheel", function (event) {
        event.preventDefault();
        var box = map.getBoundingClientRect();
        var fx = (event.clientX - box.left) / box.width, fy = (event.clientY - box.top) / box.height;
        var px = view.x + fx * view.w, py = view.y + fy * view.h;
        view.w *= Math.exp(event.deltaY * 0.0015);
        clampView();
        view.x = px - fx * view.w;
        view.y = py - fy * view.h;
        clampView();
        apply();
      }, { passive: false });
      var drag = null;
      map.addEventListener("pointerdown", function (event) {
        drag = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y };
        try { map.setPointerCapture(event.pointerId); } catch (ignored) { /* synthetic or finished pointer */ }
        map.classList.add("dragging");
      });
      map.addEventListener("pointermove", function (event) {
        if (!drag) { return; }
        var box = map.getBoundingClientRect();
        view.x = drag.vx - (event.clientX - drag.x) / box.width * view.w;
        view.y = drag.vy - (event.clientY - drag.y) / box.height * view.h;
        clampView();
        apply();
      });
      function endDrag() { drag = null; map.classList.remove("dragging"); }
      map.addEventListener("pointerup", endDrag);
      map.addEventListener("pointercancel", endDrag);
      function reset() { view = { x: home.x, y: home.y, w: home.w, h: home.h }; apply(); }
      map.addEventListener("dblclick", reset);
      document.getElementById("reset").addEventListener("click", reset);

      var toggles = document.getElementById("toggles");
      var groups = Array.prototype.slice.call(map.querySelectorAll("g.route"));
      ["heatmap", "hotspots", "schools", "streets", "patches"].forEach(function (id) {
        var group = document.getElementById(id);
        if (group && group.childElementCount > 0) { groups.push(group); }
      });
      groups.forEach(function (group) {
        var label = document.createElement("label");
        var box = document.createElement("input");
        box.type = "checkbox";
        box.checked = true;
        box.id = "toggle-" + group.id;
        box.addEventListener("change", function () {
          var display = box.checked ? "" : "none";
          group.style.display = display;
          Array.prototype.forEach.call(map.querySelectorAll(".lbl-" + group.id), function (text) { text.style.display = display; });
        });
        label.appendChild(box);
        if (group.classList.contains("route")) {
          var swatch = document.createElement("span");
          swatch.className = "swatch";
          var leg = group.querySelector("path.leg");
          swatch.style.background = leg ? leg.getAttribute("stroke") : "#555";
          label.appendChild(swatch);
        }
        label.appendChild(document.createTextNode(" " + (group.getAttribute("data-label") || group.id)));
        toggles.appendChild(label);
        toggles.appendChild(document.createTextNode(" "));
      });
    })();
    """
}
