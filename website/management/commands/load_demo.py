from django.core.management.base import BaseCommand

from website.demo.builder import load_demo


class Command(BaseCommand):
    help = (
        "Set up the site, then fill it with a small demo: sections, learning material, publications, "
        "videos with captions, an event, a course, partners and the glossary, in English with nb, sv and et "
        "translations. Does nothing if the demo is loaded already."
    )

    def handle(self, *args, **options):
        if load_demo(report=self.stdout.write):
            self.stdout.write(self.style.SUCCESS("The demo content is loaded."))
