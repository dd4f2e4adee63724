from django.core.management.base import BaseCommand

from website.site_setup import set_up_site


class Command(BaseCommand):
    help = "Create the locales, a home page per language and one editor group per language."

    def handle(self, *args, **options):
        set_up_site(report=lambda message: self.stdout.write(message))
        self.stdout.write(self.style.SUCCESS("The site is set up."))
