// Progressive enhancements only: every form works without this script.
(function () {
  "use strict";
  // Intake steps and visit notes save each change as it is made, so a closed tab loses nothing; leaving while a
  // change is not yet saved (offline, or within the moment before it is sent) asks first.
  var form = document.querySelector("form[data-autosave]");
  if (form) {
    var status = document.getElementById("autosave-status");
    var timer = null;
    var dirty = false;
    var edits = 0;
    var save = function () {
      timer = null;
      var sent = edits;
      var body = new URLSearchParams(new FormData(form));
      body.delete("go");
      if (status) { status.textContent = "Saving…"; }
      fetch(form.getAttribute("data-autosave"), { method: "POST", body: body, credentials: "same-origin" })
        .then(function (response) {
          if (response.ok && sent === edits) { dirty = false; }
          var at = response.headers.get("Lumbar-Saved-At");
          if (status) { status.textContent = response.ok ? (at ? "Saved automatically at " + at : "Saved") : "Not saved: " + (response.status === 422 ? "a box has too much text." : "try Save draft."); }
        })
        .catch(function () { if (status) { status.textContent = "Not saved yet: check your connection."; } });
    };
    var changed = function (now) {
      dirty = true;
      edits += 1;
      if (timer) { clearTimeout(timer); }
      if (now) { save(); } else { timer = setTimeout(save, 700); }
    };
    form.addEventListener("input", function () { changed(false); });
    form.addEventListener("change", function () { changed(true); });
    form.addEventListener("submit", function () {
      dirty = false;
      if (timer) { clearTimeout(timer); timer = null; }
      if (status) { status.textContent = "Saving…"; }
    });
    window.addEventListener("beforeunload", function (event) {
      if (dirty) { event.preventDefault(); event.returnValue = ""; }
    });
  }
  var summary = document.getElementById("problems");
  if (summary) { summary.focus(); }

  // A finger or mouse signature, kept as SVG path commands.
  var pad = document.querySelector("canvas[data-signature]");
  if (pad) {
    var input = document.getElementById(pad.getAttribute("data-signature"));
    var ink = pad.getContext("2d");
    ink.lineWidth = 2.5;
    ink.lineCap = "round";
    var path = "";
    var drawing = false;
    var point = function (event) {
      var box = pad.getBoundingClientRect();
      return [Math.round((event.clientX - box.left) * pad.width / box.width), Math.round((event.clientY - box.top) * pad.height / box.height)];
    };
    pad.addEventListener("pointerdown", function (event) {
      drawing = true;
      pad.setPointerCapture(event.pointerId);
      var p = point(event);
      path += (path ? " " : "") + "M" + p[0] + " " + p[1];
      ink.beginPath();
      ink.moveTo(p[0], p[1]);
      event.preventDefault();
    });
    pad.addEventListener("pointermove", function (event) {
      if (!drawing) { return; }
      var p = point(event);
      path += " L" + p[0] + " " + p[1];
      ink.lineTo(p[0], p[1]);
      ink.stroke();
    });
    pad.addEventListener("pointerup", function () {
      drawing = false;
      input.value = path.indexOf("L") > 0 ? path : "";
    });
    document.getElementById("clear-signature").addEventListener("click", function () {
      path = "";
      input.value = "";
      ink.clearRect(0, 0, pad.width, pad.height);
    });
  }

  // A questionnaire definition file is read into the text box it is posted from.
  var file = document.getElementById("definition-file");
  if (file) {
    file.addEventListener("change", function () {
      if (file.files[0]) { file.files[0].text().then(function (text) { document.getElementById("definition").value = text; }); }
    });
  }
})();

// ---- Client search boxes (client_picker.mustache): results as you type, as an ARIA combobox. ----
// Without this script the box is a plain search sent with the Find button; with it, matches appear under the box,
// arrow keys move through them, Enter chooses, Escape closes. Choosing fills the hidden client field (or, on the
// client list, opens the client's record).
(function () {
  "use strict";
  var months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var spoken = function (iso) {
    var parts = (iso || "").split("-");
    return parts.length === 3 ? parseInt(parts[2], 10) + " " + months[parseInt(parts[1], 10) - 1] + " " + parts[0] : "";
  };
  var pickers = document.querySelectorAll("[data-client-picker]");
  Array.prototype.forEach.call(pickers, function (picker) {
    var input = picker.querySelector("input[type=search]");
    var list = picker.querySelector("[role=listbox]");
    var status = picker.querySelector("[data-picker-status]");
    var chosen = picker.querySelector("[data-picker-chosen]");
    var navigates = picker.hasAttribute("data-navigates");
    var value = picker.querySelector("[data-picker-value]");
    var results = [], active = -1, timer = null, asked = 0;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    var close = function () {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    };
    var highlight = function (index) {
      var options = list.querySelectorAll("[role=option]");
      if (!options.length) { return; }
      active = (index + options.length) % options.length;
      for (var i = 0; i < options.length; i++) { options[i].setAttribute("aria-selected", i === active ? "true" : "false"); }
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    };
    var choose = function (index) {
      var client = results[index];
      if (!client) { return; }
      if (navigates) { window.location.href = client.href; return; }
      var radios = picker.querySelector("[data-picker-matches]");
      if (radios) {
        radios.parentNode.removeChild(radios);
        value = document.createElement("input");
        value.type = "hidden";
        value.name = picker.getAttribute("data-field");
        value.setAttribute("data-picker-value", "");
        picker.appendChild(value);
      }
      if (value) { value.value = client.id; }
      chosen.textContent = "Chosen: ";
      var name = document.createElement("strong");
      name.textContent = client.name;
      chosen.appendChild(name);
      if (client.born) { chosen.appendChild(document.createTextNode(", born " + spoken(client.born))); }
      input.value = client.name;
      status.textContent = "";
      close();
      picker.dispatchEvent(new CustomEvent("clientchosen", { bubbles: true, detail: client }));
    };
    var show = function (clients) {
      results = clients;
      list.textContent = "";
      clients.forEach(function (client, index) {
        var option = document.createElement("li");
        option.id = list.id + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var name = document.createElement("strong");
        name.textContent = client.name;
        option.appendChild(name);
        var details = [client.born ? "born " + spoken(client.born) : "", client.phone, client.email].filter(Boolean).join(" · ");
        if (details) {
          var meta = document.createElement("span");
          meta.className = "meta";
          meta.textContent = details;
          option.appendChild(meta);
        }
        option.addEventListener("mousedown", function (event) { event.preventDefault(); choose(index); });
        list.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      list.hidden = clients.length === 0;
      input.setAttribute("aria-expanded", clients.length ? "true" : "false");
      // The search answers at most ten: a full ten may be the first of more.
      status.textContent = clients.length === 0 ? "No client found." : clients.length === 1 ? "1 client found."
        : clients.length >= 10 ? "The first " + clients.length + " matches: type more to narrow them." : clients.length + " clients found.";
    };
    var ask = function () {
      timer = null;
      var typed = input.value.trim();
      if (!typed) { results = []; close(); status.textContent = ""; return; }
      var mine = ++asked;
      fetch("/clients/search?q=" + encodeURIComponent(typed), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { clients: [] }; })
        .then(function (answer) { if (mine === asked) { show(answer.clients || []); } })
        .catch(function () { if (mine === asked) { status.textContent = "Search is not answering: check your connection."; } });
    };
    input.addEventListener("input", function () {
      if (value && !navigates) { value.value = ""; chosen.textContent = ""; }
      // Matches drawn by Find are for the words typed before: typing again unchooses them, so no one is booked unseen.
      Array.prototype.forEach.call(picker.querySelectorAll("[data-picker-matches] input[type=radio]"), function (radio) { radio.checked = false; });
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(ask, 120);
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (!open && results.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
        highlight(active < 0 ? (event.key === "ArrowDown" ? 0 : -1) : active + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Enter") {
        if (open && results.length) { event.preventDefault(); choose(active < 0 ? 0 : active); }
        else if (!navigates) { event.preventDefault(); }
      } else if (event.key === "Escape") {
        if (open) { event.preventDefault(); close(); } else if (input.value) { event.preventDefault(); input.value = ""; }
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    input.addEventListener("focus", function () { if (results.length && input.value.trim()) { list.hidden = false; input.setAttribute("aria-expanded", "true"); } });
  });
})();

/* ---- Booking set-up (setup): copy one day's hours to other days of the week grid; the grid works without it. ---- */
(function () {
  var grid = document.querySelector("form.week-grid");
  if (!grid) { return; }
  var bar = grid.querySelector(".copy-days");
  var status = document.getElementById("copy-status");
  var from = document.getElementById("copy-from");
  var to = document.getElementById("copy-to");
  var parts = ["s1start", "s1end", "s2start", "s2end", "bstart", "bend"];
  var names = Array.prototype.map.call(from.options, function (option) { return option.text; });
  function box(day, part) { return grid.elements["d" + day + part]; }
  function mark(day) {
    var closed = parts.slice(0, 4).every(function (part) { return !box(day, part).value; });
    grid.querySelector("fieldset[data-day='" + day + "'] .closed-mark").hidden = !closed;
  }
  function copy(source, days) {
    var targets = days.filter(function (day) { return day !== source; });
    targets.forEach(function (day) {
      parts.forEach(function (part) { box(day, part).value = box(source, part).value; });
      mark(day);
    });
    status.textContent = "Copied " + names[source] + " to " + targets.map(function (day) { return names[day]; }).join(", ") + ". Save hours to keep it.";
  }
  bar.hidden = false;
  bar.querySelector("[data-copy-from]").addEventListener("click", function () { copy(0, [1, 2, 3, 4]); });
  bar.querySelector("[data-copy-chosen]").addEventListener("click", function () {
    var choice = to.value;
    var days = choice === "all" ? [0, 1, 2, 3, 4, 5, 6] : choice === "weekdays" ? [0, 1, 2, 3, 4] : [Number(choice)];
    copy(Number(from.value), days);
  });
  grid.addEventListener("input", function (event) {
    var day = event.target.name && event.target.name.match(/^d(\d)/);
    if (day) { mark(Number(day[1])); }
  });
})();

// ---- The visit note (visit.mustache): the body chart marked by tapping, technique areas by tapping. ----
// Without this script the list of regions under the figure and the area tick boxes do the same job. The form fields
// stay the record of what is marked: a tap sets them, then draws the region as the server draws it (BodyChart).
(function () {
  "use strict";
  var form = document.querySelector("form[data-visit-note]");
  var figure = form && form.querySelector(".chart-views");
  if (!figure) { return; }
  var NS = "http://www.w3.org/2000/svg";
  var status = document.getElementById("chart-status");
  var strength = document.getElementById("strength");
  var shown = document.getElementById("strength-value");
  var areaTools = form.querySelector(".area-tools");
  var names = {};
  Array.prototype.forEach.call(form.querySelectorAll("input[name=tool]"), function (tool) {
    names[tool.value] = tool.parentNode.textContent.trim();
  });
  strength.addEventListener("input", function () { shown.textContent = strength.value; });

  var groups = figure.querySelectorAll("svg.chart-input g[data-region]");
  var regionName = function (group) { return group.querySelector("title").textContent; };
  var make = function (tag, attributes) {
    var element = document.createElementNS(NS, tag);
    Object.keys(attributes).forEach(function (name) { element.setAttribute(name, attributes[name]); });
    return element;
  };
  var draw = function (group, kind, value) {
    var marks = group.querySelector(".marks");
    while (marks.firstChild) { marks.removeChild(marks.firstChild); }
    group.setAttribute("aria-label", regionName(group) + ": " + (kind ? names[kind].toLowerCase() + " " + value : "no mark"));
    if (!kind) { return; }
    var x = parseFloat(group.getAttribute("data-x")), top = parseFloat(group.getAttribute("data-y")) - 6;
    var colour = document.getElementById("symbol-" + kind).getAttribute("data-colour");
    marks.appendChild(make("polygon", { points: group.querySelector("polygon").getAttribute("points"), fill: "url(#fill-" + kind + ")", stroke: colour, "stroke-width": "2" }));
    marks.appendChild(make("use", { href: "#symbol-" + kind, x: String(x - 7), y: String(top) }));
    var number = make("text", { x: String(x + 1), y: String(top + 4), "font-family": "sans-serif", "font-size": "11", "font-weight": "700", fill: "#1d2733" });
    number.textContent = value;
    marks.appendChild(number);
  };
  var tool = function () {
    var chosen = form.querySelector("input[name=tool]:checked");
    return chosen ? chosen.value : "pain";
  };
  var areaBox = function (technique, region) { return document.getElementById("t-" + technique + "-" + region); };
  var showAreas = function () {
    var value = tool();
    var technique = value.indexOf("area:") === 0 ? value.slice(5) : null;
    Array.prototype.forEach.call(groups, function (group) {
      var box = technique && areaBox(technique, group.getAttribute("data-region"));
      group.classList.toggle("area", !!(box && box.checked));
    });
  };
  var mark = function (group) {
    var region = group.getAttribute("data-region");
    var value = tool();
    if (value.indexOf("area:") === 0) {
      var box = areaBox(value.slice(5), region);
      box.checked = !box.checked;
      showAreas();
      status.textContent = names[value] + ": " + regionName(group).toLowerCase() + (box.checked ? " added." : " taken off.");
      box.dispatchEvent(new Event("change", { bubbles: true }));
      return;
    }
    var select = document.getElementById("mark-" + region), intensity = document.getElementById("intensity-" + region);
    var kind = value === "clear" ? "" : value;
    // Tapping a region again with the same mark takes it off.
    if (kind && select.value === kind && intensity.value === strength.value) { kind = ""; }
    select.value = kind;
    if (kind) { intensity.value = strength.value; }
    draw(group, kind, intensity.value);
    status.textContent = regionName(group) + ": " + (kind ? names[kind].toLowerCase() + " " + intensity.value + " marked." : "mark cleared.");
    select.dispatchEvent(new Event("change", { bubbles: true }));
  };
  Array.prototype.forEach.call(groups, function (group) {
    group.addEventListener("click", function () { mark(group); });
    group.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); mark(group); }
    });
    var region = group.getAttribute("data-region");
    var redraw = function () {
      var select = document.getElementById("mark-" + region);
      draw(group, select.value, document.getElementById("intensity-" + region).value);
    };
    document.getElementById("mark-" + region).addEventListener("change", redraw);
    document.getElementById("intensity-" + region).addEventListener("change", redraw);
  });

  // One "areas of" tool per ticked technique, so its areas can be tapped on the figure too.
  var refreshAreaTools = function () {
    var current = tool();
    Array.prototype.forEach.call(areaTools.querySelectorAll("label"), function (label) { areaTools.removeChild(label); });
    var ticked = form.querySelectorAll("input[name=technique]:checked");
    Array.prototype.forEach.call(ticked, function (box) {
      var value = "area:" + box.value;
      var label = document.createElement("label");
      label.className = "choice tool";
      label.setAttribute("for", "tool-" + value);
      var input = document.createElement("input");
      input.type = "radio"; input.name = "tool"; input.id = "tool-" + value; input.value = value;
      input.checked = current === value;
      var text = document.createElement("span");
      text.textContent = box.parentNode.querySelector("span").textContent;
      names[value] = "Areas of " + text.textContent.toLowerCase();
      label.appendChild(input); label.appendChild(text);
      areaTools.appendChild(label);
    });
    areaTools.hidden = ticked.length === 0;
    if (!form.querySelector("input[name=tool]:checked")) { form.querySelector("input[name=tool]").checked = true; }
    showAreas();
  };
  form.addEventListener("change", function (event) {
    if (event.target.name === "technique") { refreshAreaTools(); }
    if (event.target.name === "tool" || (event.target.name || "").indexOf("-areas") > 0) { showAreas(); }
  });
  refreshAreaTools();
})();

// Billing: a print button on the receipt, and a payment form that shows the certificate code or the package only
// when that is how the client pays (without script every field shows, and the server ignores the unused ones).
(function () {
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll("select[data-pay-method]").forEach(function (select) {
    var form = select.form;
    var amount = form.querySelector("input[name=amount]");
    var sync = function () {
      form.querySelectorAll("[data-show-for]").forEach(function (field) {
        field.hidden = field.getAttribute("data-show-for") !== select.value;
      });
      if (amount) { amount.disabled = select.value === "package"; }
    };
    select.addEventListener("change", sync);
    sync();
  });
})();
