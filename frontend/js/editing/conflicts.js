// What the server refused, shown where it is: a 422's violations drawn in red on the map (path.pa-conflict, with
// data-rule) and listed in the form (li.pa-violation, the rule's name from the server's vocabulary and the server's
// message in the page's language); a 412's current version drawn dashed in purple (path.pa-their-version).

import { t } from '../i18n.js';
import { el } from '../dom.js';
import { ruleLabel } from '../vocabulary.js';
import { editStyles } from '../styles.js';
import { overlay } from './view.js';

const $ = (id) => document.getElementById(id);

export class Conflicts {
  constructor(map) {
    const styles = editStyles();
    this.layer = overlay(map, 'pa-conflict', styles.conflict);
    this.theirs = overlay(map, 'pa-their-version', styles.theirs);
    this.violations = [];
  }

  /** Draws and lists a 422 problem's violations; returns the message for the card. */
  show(problem) {
    this.violations = Array.isArray(problem && problem.violations) ? problem.violations : [];
    this._renderList();
    for (const v of this.violations) {
      if (!v.geometry) continue;
      try {
        this.layer.addData({ type: 'Feature', geometry: v.geometry, properties: { rule: v.rule } });
      } catch (e) {
        console.warn('ParkAtlas: unusable violation geometry', v, e);
      }
    }
    this.layer.eachLayer((l) => {
      const path = l.getElement && l.getElement();
      if (path && l.feature) path.dataset.rule = l.feature.properties.rule || '';
    });
    return (problem && problem.detail) || t('errorInvalid');
  }

  _renderList() {
    const list = $('parcel-violations');
    list.replaceChildren();
    for (const v of this.violations) {
      const li = el('li', 'pa-violation');
      li.dataset.rule = v.rule || '';
      li.append(el('strong', 'pa-violation-rule', ruleLabel(v.rule)), document.createTextNode(v.message ? ` ${v.message}` : ''));
      if (Array.isArray(v.features) && v.features.length) li.dataset.features = v.features.join(',');
      list.appendChild(li);
    }
  }

  /** After a language switch the rule names follow; the messages stay as the server wrote them for that save. */
  relabel() {
    if (this.violations.length) this._renderList();
  }

  /** 412: the version now on the server, dashed, beside the planner's unsaved outline. */
  showTheirs(feature, currentEtag) {
    const box = $('edit-conflict');
    box.hidden = false;
    box.dataset.currentEtag = currentEtag || '';
    this.theirs.clearLayers();
    if (feature && feature.geometry) this.theirs.addData(feature);
  }

  hideTheirs() {
    this.theirs.clearLayers();
    $('edit-conflict').hidden = true;
  }

  clear() {
    this.violations = [];
    this.layer.clearLayers();
    this.hideTheirs();
    $('parcel-violations').replaceChildren();
  }
}
