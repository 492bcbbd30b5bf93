"""The last of our generators: once every generator has queued its pages
with the writer, render them all."""

from pelican.generators import Generator


class RenderingGenerator(Generator):
    def generate_output(self, writer):
        writer.render_queued(self.context)
