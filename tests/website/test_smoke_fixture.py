import pytest

from tests import factories


@pytest.mark.django_db
def test_a_translated_material_page_is_served_in_each_language(client, home, translated_home, translate_page):
    material = factories.make_material(home, "What peer support workers do")
    translate_page(material, "nb", {"What peer support workers do": "Hva erfaringskonsulenter gjør"})
    assert client.get("/en/what-peer-support-workers-do/").status_code == 200
    response = client.get("/nb/what-peer-support-workers-do/")
    assert response.status_code == 200
    assert "Hva erfaringskonsulenter gjør" in response.content.decode()
