"""The generator: schema/<version>/*.json -> published schemas, Python modules and reference docs.

The flow is one way (see docs/architecture.md): `sources` reads the authoring schema, `publish` resolves it into
the closed schemas that validators and editors use, `parse` runs datamodel-code-generator's parser and
turns its models into our intermediate `model`, and `render` fills the jinja2 templates.
"""
