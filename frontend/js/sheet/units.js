// Units as the sheet and the comparison print them: the catalogue's Chinese unit on the Chinese page, its English
// reading (values unchanged, so "×10k CNY") on the English one.

import { getLang } from '../i18n.js';

const EN = { '万元/亩': '×10k CNY/mu', '万元/亩·年': '×10k CNY/mu/yr', '%': '%', '吨标煤/万元': 'tce/10k CNY', m: 'm' };

export function unit(u) {
  if (!u) return '';
  return getLang() === 'zh' ? u : EN[u] || u;
}
