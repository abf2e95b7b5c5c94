/**
 * The text on the page that does not stand out from its background by WCAG AA's 4.5:1 (3:1 for large text): each
 * visible element's own text, its colour blended over the backgrounds it stands on. Disabled controls are exempt.
 */
export async function lowContrastTexts(page) {
  return page.evaluate(() => {
    const rgba = (css) => {
      const [r, g, b, a = 1] = css.match(/[\d.]+/g).map(Number);
      return { r, g, b, a };
    };
    const over = (top, bottom) => ({
      r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1,
    });
    const backgroundOf = (element) => {
      const layers = [];
      for (let at = element; at; at = at.parentElement) {
        const colour = rgba(getComputedStyle(at).backgroundColor);
        if (colour.a > 0) {
          layers.push(colour);
          if (colour.a >= 1) {
            break;
          }
        }
      }
      return layers.reduceRight((below, layer) => over(layer, below), { r: 255, g: 255, b: 255, a: 1 });
    };
    const luminance = ({ r, g, b }) => {
      const [R, G, B] = [r, g, b].map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    const found = [];
    for (const element of document.body.querySelectorAll('*')) {
      const own = [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent.trim()).join('');
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (!own || box.width === 0 || box.height === 0 || style.visibility === 'hidden' || Number(style.opacity) === 0
        || element.closest('[disabled], [aria-disabled="true"], .ant-btn-disabled, .ant-select-disabled, .ant-picker-disabled, .ant-input-disabled, .ant-pagination-disabled, .ant-checkbox-wrapper-disabled, .ant-radio-wrapper-disabled, .ant-steps-item-wait')) {
        continue;
      }
      const background = backgroundOf(element);
      const text = over(rgba(style.color), background);
      const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a);
      const ratio = (light + 0.05) / (dark + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) {
        found.push(`${own.slice(0, 30)} (${style.color} on rgb(${background.r}, ${background.g}, ${background.b}): ${ratio.toFixed(2)}:1)`);
      }
    }
    return found;
  });
}
