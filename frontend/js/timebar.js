// The readiness view's time bar: a monthly "as of" slider (2020-01 … 2032-12), its label, and a
// play button that steps a year at a time so the park can be watched becoming ready.
//
// Two kinds of change are reported: `onInput` while the thumb moves (recolour only: cheap,
// client-side) and `onCommit` when a date is settled (release, keyboard, a play step), which is
// when anything needing the server — the summary, an open checklist — is refreshed.

import { t } from './i18n.js';
import { el } from './dom.js';
import { FIRST, LAST, MAX_STEP, stepOf, dateOfStep, monthLabel } from './asof.js';

const PLAY_INTERVAL_MS = 1000;
const TICK_EVERY_YEARS = 2;

const PLAY_ICON = 'M4 2.5v11l9-5.5z';
const PAUSE_ICON = 'M3.5 2.5h3.2v11H3.5zm5.8 0h3.2v11H9.3z';

export class Timebar {
  constructor(root, { onInput, onCommit }) {
    this.root = root;
    this.slider = root.querySelector('#asof-slider');
    this.label = root.querySelector('#asof-label');
    this.caption = root.querySelector('#asof-caption');
    this.play = root.querySelector('#asof-play');
    this.playPath = this.play.querySelector('path');
    this.onInput = onInput;
    this.onCommit = onCommit;
    this.timer = null;
    this.date = null;

    this.slider.min = '0';
    this.slider.max = String(MAX_STEP);
    this.slider.step = '1';
    this._buildTicks(root.querySelector('.pa-timebar-ticks'));

    this.slider.addEventListener('input', () => {
      // A hand on the slider overrides the player.
      this.stop();
      this._move(dateOfStep(Number(this.slider.value)), false);
    });
    // 'change' fires on release (and on each keyboard step): the date is settled.
    this.slider.addEventListener('change', () => this.onCommit(this.date));
    this.play.addEventListener('click', () => (this.timer ? this.stop() : this.start()));
  }

  /** Shows `iso` without reporting it (the caller already knows). */
  show(iso) {
    this.date = iso;
    this.slider.value = String(stepOf(iso));
    this._renderLabel();
  }

  _move(iso, commit) {
    this.show(iso);
    this.onInput(iso);
    if (commit) this.onCommit(iso);
  }

  start() {
    if (this.timer) return;
    // At the far end, play means "show it again from the beginning".
    if (stepOf(this.date) >= MAX_STEP) this._move(dateOfStep(0), true);
    else this._step();
    if (!this.timer && stepOf(this.date) < MAX_STEP) {
      this.timer = setInterval(() => this._step(), PLAY_INTERVAL_MS);
    }
    this._renderPlay();
  }

  stop() {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
    this._renderPlay();
  }

  _step() {
    const next = Math.min(MAX_STEP, stepOf(this.date) + 12);
    this._move(dateOfStep(next), true);
    if (next >= MAX_STEP) this.stop();
  }

  _buildTicks(container) {
    if (!container) return;
    container.replaceChildren();
    for (let y = FIRST.year; y <= LAST.year; y += TICK_EVERY_YEARS) {
      const span = el('span', null, String(y));
      // Same position as the thumb at January of that year (the thumb's centre travels
      // from half a thumb in from the left to half a thumb in from the right).
      const f = stepOf(`${y}-01-01`) / MAX_STEP;
      span.style.left = `calc(var(--pa-thumb) / 2 + (100% - var(--pa-thumb)) * ${f.toFixed(4)})`;
      container.appendChild(span);
    }
  }

  _renderLabel() {
    if (!this.date) return;
    const text = monthLabel(this.date);
    this.label.textContent = text;
    this.label.dataset.date = this.date;
    // Screen readers announce "2027年6月", not the step number.
    this.slider.setAttribute('aria-valuetext', text);
  }

  _renderPlay() {
    const playing = Boolean(this.timer);
    this.play.setAttribute('aria-pressed', String(playing));
    const name = playing ? t('pause') : t('play');
    this.play.setAttribute('aria-label', name);
    this.play.title = name;
    this.playPath.setAttribute('d', playing ? PAUSE_ICON : PLAY_ICON);
    this.root.classList.toggle('pa-playing', playing);
  }

  relabel() {
    this.caption.textContent = t('asOfCaption');
    this.slider.setAttribute('aria-label', t('asOfSlider'));
    this._renderLabel();
    this._renderPlay();
  }
}
