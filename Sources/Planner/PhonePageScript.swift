/// The phone page's script: steps and the clock, the phone's position, the stop form and the CSV export.
/// Plain browser JavaScript with no library; it reads the page's JSON and makes no request of any kind.
enum PhonePageScript {
    static let javascript = #"""
    (function () {
      "use strict";
      var data = JSON.parse(document.getElementById("page-data").textContent);
      var storeKey = "patrol-stops:" + data.pair + ":" + data.date;
      var flow = ["time", "place", "reason", "age", "school", "outcome", "check"];
      var columns = ["time", "lon", "lat", "place", "school", "age_band", "reason", "outcome", "pair", "sweep"];
      var svgNS = "http://www.w3.org/2000/svg";
      var state = { step: 0, position: null, nearest: -1, watch: null, draft: null, tapped: null, returnToCheck: false };

      function byId(id) { return document.getElementById(id); }
      function each(list, action) { Array.prototype.forEach.call(list, action); }
      function pad(n) { return (n < 10 ? "0" : "") + n; }
      function clock(seconds) {
        var s = ((Math.round(seconds) % 86400) + 86400) % 86400;
        return pad(Math.floor(s / 3600)) + ":" + pad(Math.floor(s % 3600 / 60));
      }
      function nowSeconds() { var d = new Date(); return d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds(); }
      function todayISO() { var d = new Date(); return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }

      // The same flat projection as the SVG: x east, y south, in map units.
      var proj = data.projection;
      function toMap(p) { return { x: (p.lon - proj.minLon) * proj.kx, y: (proj.maxLat - p.lat) * proj.ky }; }
      function fromMap(x, y) { return { lon: proj.minLon + x / proj.kx, lat: proj.maxLat - y / proj.ky }; }
      function metres(a, b) {
        var kx = 111320 * Math.cos((a.lat + b.lat) / 2 * Math.PI / 180);
        var dx = (a.lon - b.lon) * kx, dy = (a.lat - b.lat) * 111320;
        return Math.sqrt(dx * dx + dy * dy);
      }
      function distanceText(m) { return m < 1000 ? Math.round(m / 10) * 10 + " m" : (m / 1000).toFixed(1) + " km"; }

      // Stops stay on this phone, one list per pair and plan date.
      function loadStops() {
        try { var stops = JSON.parse(localStorage.getItem(storeKey) || "[]"); return Array.isArray(stops) ? stops : []; }
        catch (e) { return []; }
      }
      function saveStops(stops) {
        try { localStorage.setItem(storeKey, JSON.stringify(stops)); return true; } catch (e) { return false; }
      }
      function csvField(value) {
        var text = value === undefined || value === null ? "" : String(value);
        return /[",\r\n]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
      }
      function csv(stops) {
        var lines = [columns.join(",")];
        stops.forEach(function (stop) { lines.push(columns.map(function (c) { return csvField(stop[c]); }).join(",")); });
        return lines.join("\n") + "\n";
      }

      // Screens.
      function show(name) {
        each(document.querySelectorAll(".screen"), function (screen) { screen.hidden = screen.id !== "screen-" + name; });
        (name === "place" ? byId("map-place") : byId("map-home")).appendChild(byId("map"));
        if (name === "time") { renderTime(); }
        if (name === "place") { renderPlaces(); }
        if (name === "check") { renderSummary(); }
        drawMarks();
        window.scrollTo(0, 0);
        if (name !== "route") {
          var heading = document.querySelector("#screen-" + name + " h1");
          heading.setAttribute("tabindex", "-1");
          heading.focus();
        }
      }

      function banner(message, isError) {
        var box = byId("banner");
        box.textContent = message;
        box.className = "banner" + (isError ? " banner--error" : "");
        box.hidden = false;
      }

      // The route screen: the current step, the next one, and the clock against the plan.
      function renderStep() {
        var steps = data.steps, step = steps[state.step], next = steps[state.step + 1];
        byId("step-caption").textContent = "Step " + (state.step + 1) + " of " + steps.length + " · planned " + clock(step.clock);
        byId("current-step").textContent = step.text;
        byId("current-step").className = "step-now" + (step.text.length > 400 ? " step-now--very-long" : step.text.length > 120 ? " step-now--long" : "");
        byId("next-step").textContent = next ? clock(next.clock) + " " + next.text : "Nothing: this is the last step";
        byId("next-step").parentNode.className = "step-next" + (next && next.text.length > 120 ? " step-next--long" : "");
        byId("step-back").disabled = state.step === 0;
        byId("step-next").disabled = state.step === steps.length - 1;
        renderClock();
        drawSteps();
      }

      // Behind when the next step should have started; ahead when this one should not have started yet.
      function minutesBehind() {
        var now = nowSeconds(), step = data.steps[state.step], next = data.steps[state.step + 1];
        var due = next ? next.clock : step.clock;
        if (now > due + 60) { return Math.round((now - due) / 60); }
        if (now < step.clock - 60) { return -Math.round((step.clock - now) / 60); }
        return 0;
      }
      function renderClock() {
        var behind = minutesBehind(), status = byId("clock-status");
        byId("clock-now").textContent = "Now " + clock(nowSeconds());
        status.textContent = behind > 0 ? behind + " min behind" : behind < 0 ? (-behind) + " min ahead" : "on time";
        status.className = "clock__status " + (behind > 0 ? "clock--late" : behind < 0 ? "clock--ahead" : "clock--ok");
      }

      function goToStep(index) {
        state.step = Math.max(0, Math.min(data.steps.length - 1, index));
        renderStep();
      }

      // The map: numbered step marks, the phone's position and a tapped place.
      function mark(group, tag, attributes, text) {
        var node = document.createElementNS(svgNS, tag);
        Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
        if (text !== undefined) { node.textContent = text; }
        group.appendChild(node);
        return node;
      }
      function unit() { return proj.width / 1000; }
      function drawSteps() {
        var group = byId("map-steps");
        group.textContent = "";
        var order = data.steps.map(function (s, i) { return i; }).filter(function (i) { return i !== state.step; });
        order.push(state.step);
        order.forEach(function (i) {
          var p = toMap(data.steps[i]), current = i === state.step, r = (current ? 26 : 20) * unit();
          var cls = "map__step" + (current ? " map__step--current" : "") + (i === state.nearest ? " map__step--nearest" : "");
          mark(group, "circle", { "class": cls, cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: r.toFixed(1) });
          mark(group, "text", { "class": "map__step-number" + (current ? " map__step-number--current" : ""),
                                x: p.x.toFixed(1), y: p.y.toFixed(1), "font-size": (r * 1.1).toFixed(1) }, String(i + 1));
        });
      }
      function drawMarks() {
        var group = byId("map-marks");
        group.textContent = "";
        if (state.position) {
          var me = toMap(state.position);
          mark(group, "circle", { "class": "map__me", cx: me.x.toFixed(1), cy: me.y.toFixed(1), r: (18 * unit()).toFixed(1) });
        }
        if (state.tapped && !byId("screen-place").hidden) {
          var tap = toMap(state.tapped);
          mark(group, "circle", { "class": "map__tap", id: "tap-mark", cx: tap.x.toFixed(1), cy: tap.y.toFixed(1), r: (24 * unit()).toFixed(1) });
        }
      }

      // Position, when the officer allows it: the nearest step is marked and offered.
      function onPosition(p) {
        state.position = { lon: p.coords.longitude, lat: p.coords.latitude, accuracy: p.coords.accuracy || 0 };
        var best = -1, bestMetres = Infinity;
        data.steps.forEach(function (step, i) {
          var m = metres(state.position, step);
          if (m < bestMetres) { best = i; bestMetres = m; }
        });
        state.nearest = best;
        byId("locate-status").textContent = "Position to within " + Math.round(state.position.accuracy) + " m.";
        byId("nearest-text").textContent = "Nearest step: " + (best + 1) + ". " + data.steps[best].text + " (" + distanceText(bestMetres) + ")";
        byId("nearest").hidden = false;
        drawSteps();
        drawMarks();
      }
      function onPositionError(error) {
        byId("locate-status").textContent = "No position (" + error.message + "). Use Next and Back.";
      }
      function locate() {
        if (!navigator.geolocation) { byId("locate-status").textContent = "This phone gives no position. Use Next and Back."; return; }
        if (state.watch !== null) { return; }
        byId("locate-status").textContent = "Waiting for the position…";
        state.watch = navigator.geolocation.watchPosition(onPosition, onPositionError,
          { enableHighAccuracy: true, maximumAge: 15000, timeout: 30000 });
      }

      // The stop form, one question per screen.
      function renderTime() { byId("time-value").textContent = clock(state.draft.seconds); }
      function radio(container, id, name, value, label, hint) {
        var item = document.createElement("div"), input = document.createElement("input"), text = document.createElement("label");
        item.className = "radios__item";
        input.className = "radios__input";
        input.type = "radio";
        input.id = id;
        input.name = name;
        input.value = value;
        text.className = "radios__label";
        text.htmlFor = id;
        text.textContent = label;
        if (hint) {
          var small = document.createElement("span");
          small.className = "radios__hint";
          small.textContent = hint;
          text.appendChild(small);
        }
        item.appendChild(input);
        item.appendChild(text);
        container.appendChild(item);
        return input;
      }
      function renderPlaces() {
        var box = byId("place-options"), from = state.position || data.steps[state.step], frame = byId("map-place");
        box.parentNode.appendChild(frame);
        box.textContent = "";
        var choices = [];
        if (state.position) {
          choices.push({ value: "here", label: "Where I am now", hint: "To within " + Math.round(state.position.accuracy) + " m" });
        }
        choices.push({ value: "map", label: "A place I tap on the map", hint: state.tapped ? "Marked with a red ring on the map" : "Tap the map below" });
        data.places.map(function (place, i) { return { i: i, m: metres(from, place) }; })
          .sort(function (a, b) { return a.m - b.m; }).slice(0, 6)
          .forEach(function (near) {
            choices.push({ value: "place-" + near.i, label: data.places[near.i].name,
                           hint: distanceText(near.m) + " from " + (state.position ? "you" : "this step") });
          });
        choices.forEach(function (choice, index) {
          var input = radio(box, index === 0 ? "place" : "place-" + choice.value, "place", choice.value, choice.label, choice.hint);
          if (state.draft.placeChoice === choice.value) { input.checked = true; }
          // The map right under its own choice, so a tap is next to what it answers.
          if (choice.value === "map") { box.appendChild(frame); }
        });
      }
      function chosen(form, name) {
        var input = form.querySelector("input[name='" + name + "']:checked");
        return input ? input.value : null;
      }
      function labelOf(name) {
        var input = document.querySelector("input[name='" + name + "']:checked");
        return input ? document.querySelector("label[for='" + input.id + "']").firstChild.textContent : "";
      }

      // A question answered by one radio: its value ("unknown" as empty) and its label go into the draft.
      function radioQuestion(name, message) {
        return function (form) {
          var value = chosen(form, name);
          if (!value) { return message; }
          state.draft[name] = value === "unknown" ? "" : value;
          state.draft[name + "Label"] = labelOf(name);
          return null;
        };
      }

      // Each returns an error message, or null after copying the answer into the draft.
      var questions = {
        time: function () { return null; },
        place: function (form) {
          var choice = chosen(form, "place"), draft = state.draft;
          if (!choice) { return "Select where the stop was"; }
          if (choice === "map" && !state.tapped) { return "Tap the map where the stop was"; }
          var point = choice === "here" ? state.position : choice === "map" ? state.tapped : data.places[Number(choice.slice(6))];
          draft.lon = point.lon.toFixed(6);
          draft.lat = point.lat.toFixed(6);
          draft.place = choice.indexOf("place-") === 0 ? point.name : "";
          draft.placeChoice = choice;
          draft.placeLabel = choice === "here" ? "Where you were (" + draft.lat + ", " + draft.lon + ")"
            : choice === "map" ? "Tapped on the map (" + draft.lat + ", " + draft.lon + ")" : point.name;
          return null;
        },
        reason: radioQuestion("reason", "Select why the child was out of school"),
        age: radioQuestion("age", "Select how old the child is, or Not known"),
        school: function () {
          var select = byId("school"), option = select.options[select.selectedIndex];
          if (!select.value) { return "Select the child's school, or Not known"; }
          state.draft.school = option.hasAttribute("data-unknown") ? "" : select.value;
          state.draft.schoolLabel = option.textContent;
          return null;
        },
        outcome: radioQuestion("outcome", "Select what happened next")
      };

      // The error beside the field, and the same error summarised at the top, linked to the field.
      function showError(name, message) {
        var summary = byId(name + "-summary"), inline = byId(name + "-error"), group = byId("group-" + name);
        if (!message) {
          summary.hidden = true;
          inline.hidden = true;
          group.classList.remove("form-group--error");
          return;
        }
        var list = summary.querySelector("ul"), item = document.createElement("li"), link = document.createElement("a");
        list.textContent = "";
        link.href = "#" + (byId(name) ? name : "group-" + name);
        link.textContent = message;
        item.appendChild(link);
        list.appendChild(item);
        summary.hidden = false;
        inline.textContent = "";
        var prefix = document.createElement("span");
        prefix.className = "visually-hidden";
        prefix.textContent = "Error: ";
        inline.appendChild(prefix);
        inline.appendChild(document.createTextNode(message));
        inline.hidden = false;
        group.classList.add("form-group--error");
        summary.focus();
      }

      function renderSummary() {
        var list = byId("summary"), draft = state.draft;
        var rows = [["Time", data.date + " " + clock(draft.seconds), "time"], ["Place", draft.placeLabel, "place"],
                    ["Reason", draft.reasonLabel, "reason"], ["Age", draft.ageLabel, "age"],
                    ["School", draft.schoolLabel, "school"], ["What happened next", draft.outcomeLabel, "outcome"]];
        list.textContent = "";
        rows.forEach(function (row) {
          var box = document.createElement("div"), term = document.createElement("dt"), value = document.createElement("dd");
          var change = document.createElement("button");
          box.className = "summary-list__row";
          term.textContent = row[0];
          value.textContent = row[1];
          change.type = "button";
          change.className = "summary-list__change";
          change.textContent = "Change";
          change.setAttribute("aria-label", "Change " + row[0].toLowerCase());
          change.addEventListener("click", function () { state.returnToCheck = true; show(row[2]); });
          var actions = document.createElement("dd");
          actions.className = "summary-list__actions";
          actions.appendChild(change);
          box.appendChild(term);
          box.appendChild(value);
          box.appendChild(actions);
          list.appendChild(box);
        });
      }

      function startStop() {
        state.draft = { seconds: Math.floor(nowSeconds() / 60) * 60 };
        state.tapped = null;
        state.returnToCheck = false;
        each(document.querySelectorAll("form[data-question]"), function (form) {
          form.reset();
          showError(form.getAttribute("data-question"), null);
        });
        byId("banner").hidden = true;
        show("time");
      }

      function saveStop() {
        var draft = state.draft, stops = loadStops();
        stops.push({ time: data.date + "T" + clock(draft.seconds), lon: draft.lon, lat: draft.lat, place: draft.place,
                     school: draft.school, age_band: draft.age, reason: draft.reason, outcome: draft.outcome,
                     pair: data.pair, sweep: data.sweep });
        if (!saveStops(stops)) {
          banner("This phone could not keep the stop (storage is full or blocked). Nothing was saved.", true);
          show("route");
          return;
        }
        state.draft = null;
        renderStops();
        show("route");
        banner("Stop saved: " + clock(draft.seconds) + ", " + draft.reasonLabel + ". " + stops.length + " on this phone.", false);
      }

      function renderStops() {
        var stops = loadStops(), list = byId("stop-list");
        byId("stop-count").textContent = String(stops.length);
        list.textContent = "";
        stops.forEach(function (stop, index) {
          var item = document.createElement("li"), remove = document.createElement("button");
          item.textContent = stop.time.slice(11) + " · " + stop.reason.replace(/_/g, " ") + (stop.place ? " · " + stop.place : "") + " ";
          remove.type = "button";
          remove.className = "button button--secondary button--inline";
          remove.textContent = "Remove";
          // Two taps, so that a stray touch removes nothing.
          remove.addEventListener("click", function () {
            if (remove.getAttribute("data-armed") !== "true") {
              remove.setAttribute("data-armed", "true");
              remove.textContent = "Tap again to remove";
              return;
            }
            var kept = loadStops();
            kept.splice(index, 1);
            saveStops(kept);
            renderStops();
          });
          item.appendChild(remove);
          list.appendChild(item);
        });
        var link = byId("export-link");
        link.href = "data:text/csv;charset=utf-8," + encodeURIComponent(csv(stops));
        link.textContent = "Download stops CSV (" + stops.length + (stops.length === 1 ? " stop)" : " stops)");
      }

      // Wiring.
      byId("step-next").addEventListener("click", function () { goToStep(state.step + 1); });
      byId("step-back").addEventListener("click", function () { goToStep(state.step - 1); });
      byId("nearest-go").addEventListener("click", function () { if (state.nearest >= 0) { goToStep(state.nearest); } });
      byId("locate").addEventListener("click", locate);
      byId("record").addEventListener("click", startStop);
      byId("save-stop").addEventListener("click", saveStop);
      byId("cancel-stop").addEventListener("click", function () { state.draft = null; show("route"); });
      byId("time-now").addEventListener("click", function () { state.draft.seconds = Math.floor(nowSeconds() / 60) * 60; renderTime(); });
      each(document.querySelectorAll("[data-minutes]"), function (button) {
        button.addEventListener("click", function () {
          var seconds = state.draft.seconds + Number(button.getAttribute("data-minutes")) * 60;
          state.draft.seconds = Math.max(0, Math.min(86340, seconds));
          renderTime();
        });
      });
      each(document.querySelectorAll("[data-back]"), function (button) {
        button.addEventListener("click", function () {
          var name = button.closest(".screen").id.slice(7), index = flow.indexOf(name);
          show(state.returnToCheck && name !== "check" ? "check" : index <= 0 ? "route" : flow[index - 1]);
        });
      });
      each(document.querySelectorAll("form[data-question]"), function (form) {
        form.addEventListener("submit", function (event) {
          event.preventDefault();
          var name = form.getAttribute("data-question"), error = questions[name](form);
          showError(name, error);
          if (!error) { show(state.returnToCheck ? "check" : flow[flow.indexOf(name) + 1]); }
        });
      });
      byId("map").addEventListener("click", function (event) {
        if (byId("screen-place").hidden) { return; }
        var svg = byId("map"), point = svg.createSVGPoint();
        point.x = event.clientX;
        point.y = event.clientY;
        var local = point.matrixTransform(svg.getScreenCTM().inverse());
        state.tapped = fromMap(local.x, local.y);
        renderPlaces();
        document.querySelector("input[name='place'][value='map']").checked = true;
        drawMarks();
      });

      var planDay = new Date(Number(data.date.slice(0, 4)), Number(data.date.slice(5, 7)) - 1, Number(data.date.slice(8, 10)));
      byId("plan-date").textContent = planDay.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric" });
      if (todayISO() !== data.date) {
        byId("date-notice").textContent = "This plan is for " + planDay.toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long" })
          + ", not today. Stops recorded here carry that date.";
        byId("date-notice").hidden = false;
      }
      renderStep();
      renderStops();
      setInterval(renderClock, 15000);
    })();
    """#
}
