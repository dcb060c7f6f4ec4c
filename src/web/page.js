// Event nodes of the timeline open their event page; the query picker
// fills the query box. Everything else works without script.
document.querySelectorAll('svg g.event[data-iri]').forEach(function (g) {
  g.addEventListener('click', function (e) {
    if (e.target.closest('a')) { return; }
    window.location = '/event?iri=' + encodeURIComponent(g.getAttribute('data-iri'));
  });
});
var pick = document.getElementById('curated');
if (pick) {
  pick.addEventListener('change', function () {
    var o = pick.options[pick.selectedIndex];
    if (o.dataset.query) { document.getElementById('query').value = o.dataset.query; }
  });
}
// Last, so it marks a page whose script ran to the end (the browser test
// reads it from the DOM).
document.documentElement.classList.add('js');
