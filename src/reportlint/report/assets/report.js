// One report's interactions, for the batch report and the clerk's page alike:
// a finding in the list shows its place in the text, a marked place shows its
// findings in the list, and 规则说明 opens the rule's explanation.  Events are
// delegated to the document so that reports inserted later work too.
(function () {
  "use strict";
  var rules = null;

  function ruleData(code) {
    if (rules === null) {
      var node = document.getElementById("rl-rules");
      rules = node ? JSON.parse(node.textContent) : {};
    }
    return rules[code];
  }

  function clearActive(report) {
    report.querySelectorAll(".rl-active").forEach(function (el) {
      el.classList.remove("rl-active");
    });
  }

  function showInText(report, id) {
    clearActive(report);
    var item = report.querySelector('li[data-f="' + id + '"]');
    if (item) {
      item.classList.add("rl-active");
      item.closest(".rl-rule").open = true;
    }
    var marks = report.querySelectorAll('mark[data-f~="' + id + '"]');
    marks.forEach(function (m) { m.classList.add("rl-active"); });
    if (marks.length) { marks[0].scrollIntoView({ block: "center" }); }
  }

  function showInList(report, ids) {
    clearActive(report);
    var first = null;
    ids.forEach(function (id) {
      var item = report.querySelector('li[data-f="' + id + '"]');
      if (item) {
        item.classList.add("rl-active");
        item.closest(".rl-rule").open = true;
        first = first || item;
      }
    });
    if (first) { first.scrollIntoView({ block: "nearest" }); }
  }

  function explain(button) {
    var group = button.closest(".rl-rule");
    var box = group.querySelector(".rl-explanation");
    group.open = true;
    if (!box) { return; }
    if (!box.hasChildNodes()) {
      var rule = ruleData(button.getAttribute("data-code"));
      box.textContent = rule ? rule : "（没有这条规则的说明）";
    }
    box.hidden = !box.hidden;
    button.setAttribute("aria-expanded", String(!box.hidden));
  }

  // A marked place's messages as its tooltip, taken from the list when first hovered.
  document.addEventListener("mouseover", function (event) {
    var mark = event.target instanceof Element ? event.target.closest("mark.rl-mark") : null;
    if (!mark || mark.hasAttribute("title")) { return; }
    var report = mark.closest(".rl-report");
    mark.title = mark.getAttribute("data-f").split(" ").map(function (id) {
      var link = report.querySelector('li[data-f="' + id + '"] a.rl-finding');
      return link ? link.textContent : "";
    }).join("\n");
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    var report = target.closest(".rl-report");
    if (!report) { return; }
    var link = target.closest("a.rl-finding");
    if (link) {
      event.preventDefault();
      showInText(report, link.closest("li").getAttribute("data-f"));
      return;
    }
    var mark = target.closest("mark.rl-mark");
    if (mark) {
      showInList(report, mark.getAttribute("data-f").split(" "));
      return;
    }
    var button = target.closest("button.rl-explain");
    if (button) {
      event.preventDefault(); // a click in <summary> would fold the group too
      explain(button);
    }
  });
})();
