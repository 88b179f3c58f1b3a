"""The documentation site's sources, assembled at build time (``python -m codegen.site``, run by
`make docs`): the hand-written pages of ``docs/site/``, the repository's Markdown (read by MyST), and
the reference pages generated from the published schemas and the CLI parsers. Nothing here is
committed output: the whole source tree is rebuilt into the build folder each time."""
