// The clerk's page: take a file (dropped or chosen) or pasted text, send it to
// this machine's reportlint, show the report it sends back (rendered by the
// same code as the batch report; report.js makes it clickable), and offer
// the annotated Word copy and the text with the safe fixes applied.
//
// The Word copy takes several times as long to make as the check, so it is
// made only when asked for: the upload stays in this page's memory (read once,
// so a file edited in Word meanwhile does not change what the copy is of) and
// is sent again.
(function () {
  "use strict";
  var drop = document.getElementById("drop");
  var fileInput = document.getElementById("file");
  var paste = document.getElementById("paste");
  var status = document.getElementById("status");
  var error = document.getElementById("error");
  var result = document.getElementById("result");
  var report = document.getElementById("report");
  var download = document.getElementById("download-fixed");
  var fixedNote = document.getElementById("fixed-note");
  var wordButton = document.getElementById("download-word");
  var wordNote = document.getElementById("word-note");
  var fixed = null;
  var shown = null; // the report on the page: { body, headers, word }
  var sent = 0; // numbers the uploads, so that only the last one's answer is shown
  var OFFLINE = "无法连接到 reportlint：请确认启动它的窗口还开着。";

  function showError(message) {
    status.textContent = "";
    error.textContent = message;
    error.hidden = false;
  }

  // The answer's JSON, or a Chinese error for whatever else came back.
  function answer(response) {
    return response.json().then(function (data) { return { ok: response.ok, data: data }; },
      function () { return { ok: false, data: { error: "检查失败（" + response.status + "）" } }; });
  }

  function send(body, headers, label) {
    var number = ++sent;
    error.hidden = true;
    status.textContent = "正在检查“" + label + "”……";
    fetch("/api/check", { method: "POST", body: body, headers: headers })
      .then(answer)
      .then(function (reply) {
        if (number !== sent) { return; }
        if (!reply.ok) { showError(reply.data.error); result.hidden = true; shown = null; return; }
        shown = { body: body, headers: headers, word: reply.data.word };
        show(reply.data);
      })
      .catch(function () {
        if (number === sent) { showError(OFFLINE); }
      });
  }

  function wordHint(word) {
    var hint = "每个问题在原文处加一条批注，标点、序号等可直接修改的标为修订，"
      + "在 Word 或 WPS 的“审阅”中逐条接受或拒绝。";
    if (word.from) {
      hint = "这份报告不是 Word 文件，Word 文件按其中的文字生成（原来的格式不保留）。" + hint;
    }
    return hint;
  }

  function show(data) {
    status.textContent = "已检查“" + data.name + "”。";
    report.innerHTML = data.html;
    fixed = data.fixed;
    download.disabled = !fixed;
    fixedNote.textContent = fixed
      ? "其中 " + data.fixes + " 处（标点、序号、空格等）已在下载的文字中改好"
        + (data.word.from ? "" : "（纯文字，不含 Word 格式）")
        + "，其余问题请对照下方逐条修改。"
      : "没有可以自动修正的地方。";
    wordButton.disabled = false;
    wordNote.textContent = wordHint(data.word);
    result.hidden = false;
    result.scrollIntoView({ block: "start" });
  }

  function save(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  function sendFile(file) {
    if (!file) { return; }
    file.arrayBuffer().then(function (data) {
      send(data, { "X-File-Name": encodeURIComponent(file.name) }, file.name);
    }, function () {
      showError("无法读取“" + file.name + "”：文件可能正被其他程序占用或已被移走，请关闭后重新选择。");
    });
  }

  download.addEventListener("click", function () {
    if (!fixed) { return; }
    var bytes = Uint8Array.from(atob(fixed.data), function (c) { return c.charCodeAt(0); });
    save(new Blob([bytes], { type: "text/plain" }), fixed.name);
  });

  wordButton.addEventListener("click", function () {
    var current = shown;
    if (!current) { return; }
    wordButton.disabled = true;
    wordNote.textContent = "正在生成 Word 文件……";
    fetch("/api/annotate", { method: "POST", body: current.body, headers: current.headers })
      .then(function (response) {
        if (!response.ok) {
          return answer(response).then(function (reply) { throw new Error(reply.data.error); });
        }
        return response.blob().then(function (blob) {
          return { blob: blob, comments: response.headers.get("X-Comments"),
            revisions: response.headers.get("X-Revisions") };
        });
      }, function () { throw new Error(OFFLINE); })
      .then(function (copy) {
        if (current !== shown) { return; } // another report was checked meanwhile
        save(copy.blob, current.word.name);
        wordNote.textContent = "已下载“" + current.word.name + "”："
          + (copy.comments === "0" ? "没有发现问题。"
            : copy.comments + " 条批注" + (copy.revisions !== "0"
              ? "，其中 " + copy.revisions + " 处已标为修订，可在“审阅”中接受或拒绝。" : "。"));
      }, function (failure) {
        if (current !== shown) { return; }
        wordNote.textContent = wordHint(current.word);
        showError(failure.message);
      })
      .then(function () { if (current === shown) { wordButton.disabled = false; } });
  });

  document.getElementById("check-paste").addEventListener("click", function () {
    if (!paste.value.trim()) { showError("请先粘贴报告的文字。"); return; }
    send(paste.value, { "Content-Type": "text/plain; charset=utf-8" }, "粘贴的文字");
  });

  document.getElementById("again").addEventListener("click", function () {
    result.hidden = true;
    shown = null;
    status.textContent = "";
    fileInput.value = "";
    window.scrollTo(0, 0);
  });

  fileInput.addEventListener("change", function () { sendFile(fileInput.files[0]); });
  drop.addEventListener("click", function (event) {
    if (event.target === drop) { fileInput.click(); }
  });
  drop.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); fileInput.click(); }
  });
  ["dragenter", "dragover"].forEach(function (type) {
    drop.addEventListener(type, function (event) {
      event.preventDefault();
      drop.classList.add("over");
    });
  });
  ["dragleave", "drop"].forEach(function (type) {
    drop.addEventListener(type, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (event) {
    event.preventDefault();
    var files = event.dataTransfer.files;
    if (files.length > 1) { showError("一次请只拖入一份报告。"); return; }
    sendFile(files[0]);
  });
  // A file dropped beside the box would make the browser open it instead.
  window.addEventListener("dragover", function (event) { event.preventDefault(); });
  window.addEventListener("drop", function (event) { event.preventDefault(); });
})();
