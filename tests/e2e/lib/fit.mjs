// Whether a page fits the screen it is shown on, as a person holding the phone sees it.
import assert from 'node:assert/strict';

/**
 * What of the page does not fit, measured in it: whether the page itself scrolls sideways; each element sticking out
 * of the screen, or of the card it is in, that nothing clips (a table scrolling sideways in its box clips its columns);
 * each text squeezed to a character or two a line (laid out on several lines in a box narrower than three of its
 * characters, as a table column's title was, one character under the other).
 */
function misfits() {
  const screenWidth = document.documentElement.clientWidth;
  const describe = (element) => `<${element.tagName.toLowerCase()} class="${element.className?.baseVal ?? element.className}"> "${(element.textContent ?? '').trim().slice(0, 40)}"`;
  const clips = (element) => getComputedStyle(element).overflowX !== 'visible';
  // Shown at all: not inside a box that clips it to nothing (a folded menu, a closed panel).
  const shown = (element) => {
    for (let box = element; box; box = box.parentElement) {
      const { width, height } = box.getBoundingClientRect();
      if ((width === 0 || height === 0) && clips(box)) {
        return false;
      }
    }
    return element.checkVisibility({ visibilityProperty: true });
  };
  const misfit = { scrollsSideways: document.documentElement.scrollWidth > screenWidth, sticksOut: [], squeezed: [] };
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) {
      continue;
    }
    const card = element.parentElement?.closest('.ant-card')?.getBoundingClientRect();
    const [left, right] = card ? [Math.max(card.left, 0), Math.min(card.right, screenWidth)] : [0, screenWidth];
    if (box.left >= left - 1 && box.right <= right + 1) {
      continue;
    }
    let clipped = false;
    for (let box = element.parentElement; box && !clipped; box = box.parentElement) {
      const { left: from, right: to } = box.getBoundingClientRect();
      clipped = clips(box) && from >= left - 1 && to <= right + 1;
    }
    if (!clipped && shown(element)) {
      misfit.sticksOut.push(`${describe(element)} at ${Math.round(box.left)}…${Math.round(box.right)} px, beyond ${Math.round(left)}…${Math.round(right)} px`);
    }
  }
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text = texts.nextNode(); text; text = texts.nextNode()) {
    if (text.textContent.replace(/\s/g, '').length < 2 || !shown(text.parentElement)) {
      continue;
    }
    const range = document.createRange();
    range.selectNodeContents(text);
    const lines = new Set([...range.getClientRects()].filter((line) => line.width > 0).map((line) => Math.round(line.top)));
    let block = text.parentElement;
    while (block.parentElement && getComputedStyle(block).display === 'inline') {
      block = block.parentElement;
    }
    const style = getComputedStyle(block);
    const room = block.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (lines.size > 1 && room < 3 * parseFloat(style.fontSize)) {
      misfit.squeezed.push(`${describe(block)}: ${lines.size} lines in ${Math.round(room)} px`);
    }
  }
  return misfit;
}

/** Asserts that the page fits its screen (see misfits); `where` names it in the message. */
export async function assertFits(page, where) {
  const misfit = await page.evaluate(misfits);
  assert.deepEqual(misfit, { scrollsSideways: false, sticksOut: [], squeezed: [] }, `${where} does not fit the ${page.viewportSize().width} px screen`);
}

/**
 * What a finger taps on the page that is smaller than 44 × 44 px: buttons, links, tabs, fields, choices (an input
 * inside a field's frame counts as the frame; a tab as its whole tab).
 */
export function smallTapTargets(page) {
  return page.evaluate(() => {
    const targets = new Set();
    const tappable = 'button, a[href], [role=tab], .ant-select, input, textarea, .ant-radio-button-wrapper, .ant-radio-wrapper, .ant-checkbox-wrapper';
    for (const element of document.querySelectorAll(tappable)) {
      const target = element.closest('.ant-tabs-tab, .ant-select, .ant-input-affix-wrapper, .ant-radio-button-wrapper, .ant-radio-wrapper, .ant-checkbox-wrapper') ?? element;
      if (target.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
        targets.add(target);
      }
    }
    return [...targets].map((target) => ({ target, box: target.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(({ target, box }) => `<${target.tagName.toLowerCase()}> "${(target.textContent || target.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(box.width)} × ${Math.round(box.height)} px`);
  });
}
