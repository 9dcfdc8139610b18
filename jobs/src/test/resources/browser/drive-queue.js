// Drives report/index.html's exception queue as a planner would (QueueBrowser in ReportIT appends
// it to a copy of the page): reads the default order, clicks a card, types in column filters,
// sorts a column descending, measures the table, and leaves what it saw as JSON in #drive-result.
window.addEventListener('load', () => {
  const out = {};
  const table = document.getElementById('queue');
  const rows = () => [...table.tBodies[0].rows];
  const shown = () => rows().filter(r => !r.hidden);
  const cell = (r, i) => r.cells[i].textContent.trim();
  const type = (col, text) => {
    const input = table.querySelector('thead input[data-col="' + col + '"]');
    input.value = text;
    input.dispatchEvent(new Event('input'));
  };
  out.viewportWidth = window.innerWidth;
  out.queueRight = table.getBoundingClientRect().right;
  out.pageScrollWidth = document.documentElement.scrollWidth;
  out.defaultPriorities = rows().map(r => cell(r, 0));

  const card = document.querySelector('#queue-cards .card[data-filter="=STOCKOUT_RISK"]');
  out.cardCount = card ? card.querySelector('b').textContent : null;
  if (card) card.click();
  out.cardExceptions = shown().map(r => cell(r, 3));
  out.cardCountText = document.getElementById('queue-count').textContent;
  document.querySelector('#queue-cards .card[data-filter=""]').click();
  out.allShown = shown().length;

  const warehouse = cell(rows()[rows().length - 1], 1);
  out.warehouseFilter = warehouse;
  type(1, warehouse.toLowerCase());
  out.warehouseShown = shown().map(r => cell(r, 1));
  type(1, '');
  type(5, '<2');
  out.coverBelow2 = shown().map(r => cell(r, 5));
  type(5, '');

  const cover = table.tHead.rows[0].cells[5];
  cover.click();
  out.ascending = rows().map(r => cell(r, 5));
  cover.click();
  out.descending = rows().map(r => cell(r, 5));
  out.sortState = cover.dataset.asc;

  const result = document.createElement('pre');
  result.id = 'drive-result';
  result.textContent = JSON.stringify(out);
  document.body.appendChild(result);
});
