from .base import SitePage
from .pages import EventPage, HomePage, MaterialPage, SectionPage
from .resources import ResourceFile, ResourcePage
from .snippets import GlossaryTerm, PartnerOrganisation
from .video import VideoCaption, VideoPage

__all__ = [
    "EventPage",
    "GlossaryTerm",
    "HomePage",
    "MaterialPage",
    "PartnerOrganisation",
    "ResourceFile",
    "ResourcePage",
    "SectionPage",
    "SitePage",
    "VideoCaption",
    "VideoPage",
]
