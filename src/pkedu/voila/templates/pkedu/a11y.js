/* Accessible names and states that the widgets and the chart renderer leave out.
   Runs whenever the page changes (widgets and charts are drawn late and redrawn). */
(function () {
  function set(element, attribute, value) {
    if (element.getAttribute(attribute) !== value) element.setAttribute(attribute, value);
  }
  function label(root) {
    /* The app is the page's main content (a landmark screen readers can jump to). */
    var cells = document.getElementById('rendered_cells');
    if (cells) set(cells, 'role', 'main');
    /* A slider's handles (role="slider") are named after the slider's description;
       a range slider's two handles say which end they move. */
    root.querySelectorAll('.widget-slider').forEach(function (slider) {
      var description = slider.querySelector('.widget-label');
      var text = description ? description.textContent.trim() : '';
      if (!text) return;
      var handles = slider.querySelectorAll('.noUi-handle');
      handles.forEach(function (handle, index) {
        var end = handles.length > 1 ? (index === 0 ? ' (from)' : ' (to)') : '';
        set(handle, 'aria-label', text + end);
      });
    });
    /* The "..." button that opens a chart's menu (save as SVG or PNG, view source). */
    root.querySelectorAll('.vega-embed details > summary').forEach(function (summary) {
      if (!summary.textContent.trim()) set(summary, 'aria-label', 'Chart menu');
    });
    /* Toggle buttons show which one is chosen by colour only: say it too. */
    root.querySelectorAll('.widget-toggle-button').forEach(function (button) {
      set(button, 'aria-pressed', button.classList.contains('mod-active') ? 'true' : 'false');
    });
  }
  var waiting = false;
  function soon() {
    if (waiting) return;
    waiting = true;
    window.requestAnimationFrame(function () { waiting = false; label(document); });
  }
  new MutationObserver(soon).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['class']
  });
  soon();
})();
