// The article editor's toolbar: wraps the selected text of the body in the few tags the sanitiser keeps.
// An external file, so the strict Content-Security-Policy (no inline script) holds on the desk too.
(function () {
  'use strict';
  document.querySelectorAll('.editor-bar').forEach(function (bar) {
    var area = document.getElementById(bar.getAttribute('data-for'));
    if (!area) { return; }
    bar.hidden = false;
    bar.addEventListener('click', function (event) {
      var button = event.target.closest('button');
      if (!button) { return; }
      var start = area.selectionStart, end = area.selectionEnd;
      var text = area.value.substring(start, end);
      var html;
      if (button.dataset.wrap) {
        html = '<' + button.dataset.wrap + '>' + text + '</' + button.dataset.wrap + '>';
      } else if (button.dataset.list) {
        var items = text.split('\n').filter(function (line) { return line.trim() !== ''; });
        html = '<ul>' + items.map(function (line) { return '<li>' + line.trim() + '</li>'; }).join('') + '</ul>';
      } else {
        var url = window.prompt('Địa chỉ liên kết (https://…)', 'https://');
        if (!url) { return; }
        html = '<a href="' + url.replace(/"/g, '&quot;') + '">' + (text || url) + '</a>';
      }
      area.setRangeText(html, start, end, 'end');
      area.focus();
    });
  });
})();
