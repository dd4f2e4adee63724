"""The LMS API's OpenAPI schema at /api/lms/openapi.json is a valid OpenAPI document."""

from django.test import Client
from openapi_spec_validator import validate


def test_openapi_schema_is_valid(db):
    response = Client().get("/api/lms/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    paths = schema["paths"]
    assert set(paths) == {"/api/lms/statements", "/api/lms/progress", "/api/lms/cohorts/{cohort_id}/progress"}
    post = paths["/api/lms/statements"]["post"]
    assert {"200", "400", "403", "404", "413", "422"} <= set(post["responses"])
    assert "oneOf" in post["requestBody"]["content"]["application/json"]["schema"]
    schemes = schema["components"]["securitySchemes"]
    assert {scheme["type"] for scheme in schemes.values()} == {"http", "apiKey"}
