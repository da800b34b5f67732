// Registers the project's YAML format (format.js, shapes from formater.js) and starts Decap
// CMS with admin/config.yml, which macros/cms.py generated from the data model.
SSPFormat.register(window.CMS, window.SSP_FORMATER);
window.CMS.init();
