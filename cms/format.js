/*
 * The editor's YAML format: how a data file becomes the form's data and back.
 *
 * One format per collection, made from the shape the generator derives from the data model
 * (macros/cms.py `shapes`, written to admin/formater.js as window.SSP_FORMATER):
 *   - on load, shorthands are expanded to the form the editor shows (a bullet point written
 *     as plain text becomes {tekst: ...}; a single item where a list may stand becomes a
 *     list), and a file holding a list at the top is wrapped as {<file name>: [...]};
 *   - on save, the same shorthands are folded back, keys follow the model's order (keys the
 *     model does not know are kept, after them), empty values the form leaves behind
 *     (null, "", [], {}) are dropped, and the YAML is written so that PyYAML (macros/
 *     loading.py) reads back exactly the same: dates and numbers-as-text stay quoted text,
 *     "ja/nej"-like words of YAML 1.1 are quoted, long lines are not folded.
 *
 * Works in the browser (window.SSPFormat, with window.jsyaml) and in Node (for the tests).
 */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('js-yaml'));
  } else {
    root.SSPFormat = factory(root.jsyaml);
  }
})(typeof self !== 'undefined' ? self : this, function (jsyaml) {
  'use strict';

  function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  function expand(shape, value) {
    if (value === null || value === undefined) return value;
    if (shape.i) {
      if (!Array.isArray(value)) value = shape.one ? [value] : value;
      return Array.isArray(value) ? value.map(function (item) { return expand(shape.i, item); }) : value;
    }
    if (shape.k) {
      if (typeof value === 'string' && shape.s) {
        var wrapped = {};
        wrapped[shape.s] = value;
        value = wrapped;
      }
      if (!isObject(value)) return value;
      var result = {};
      Object.keys(value).forEach(function (key) {
        result[key] = shape.f && shape.f[key] ? expand(shape.f[key], value[key]) : value[key];
      });
      return result;
    }
    return value;
  }

  function fold(shape, value) {
    if (value === null || value === undefined) return undefined;
    if (typeof value === 'string') return value.trim() === '' ? undefined : value;
    if (Array.isArray(value)) {
      var items = value.map(function (item) { return fold((shape && shape.i) || {}, item); })
        .filter(function (item) { return item !== undefined; });
      if (items.length === 0) return undefined;
      if (shape && shape.one && items.length === 1 && !isObject(items[0])) return items[0];
      return items;
    }
    if (isObject(value)) {
      var order = (shape && shape.k) || [];
      var keys = order.filter(function (key) { return key in value; })
        .concat(Object.keys(value).filter(function (key) { return order.indexOf(key) < 0; }));
      var result = {};
      keys.forEach(function (key) {
        var folded = fold((shape && shape.f && shape.f[key]) || {}, value[key]);
        if (folded !== undefined) result[key] = folded;
      });
      var left = Object.keys(result);
      if (left.length === 0) return undefined;
      if (shape && shape.s && left.length === 1 && left[0] === shape.s &&
          typeof result[shape.s] === 'string') return result[shape.s];
      return result;
    }
    return value;
  }

  // Read as the loader does: YAML's core types only, so "2022-01-15" stays text.
  function parse(text) {
    return jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  }

  // Write with the default schema (it knows dates, so date-like text is quoted) in
  // compatibility mode (yes/no/on/off and 1:30 are quoted, as YAML 1.1 would misread them).
  function dump(data) {
    return jsyaml.dump(data, {
      schema: jsyaml.DEFAULT_SCHEMA, lineWidth: -1, noRefs: true, noCompatMode: false,
      quotingType: '"', indent: 2,
    });
  }

  function formatter(shape) {
    return {
      fromFile: function (content) {
        var data = parse(content || '');
        if (shape.wrap) {
          var wrapped = {};
          wrapped[shape.wrap] = data === null || data === undefined ? [] : data;
          data = wrapped;
        }
        return expand(shape, data === null || data === undefined ? {} : data) || {};
      },
      toFile: function (data) {
        var folded = fold(shape, data) || {};
        if (shape.wrap) folded = folded[shape.wrap] || [];
        return dump(folded);
      },
    };
  }

  // Register one format per collection: "ssp-<collection>".
  function register(cms, shapes) {
    Object.keys(shapes).forEach(function (name) {
      cms.registerCustomFormat('ssp-' + name, 'yml', formatter(shapes[name]));
    });
  }

  return { formatter: formatter, register: register, parse: parse, dump: dump };
});
