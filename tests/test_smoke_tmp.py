from tests.conftest import sign_in

def test_sign_in(client, make_user):
    u = make_user("provider")
    sign_in(client, u)
    r = client.get("/")
    assert r.status_code == 200
    assert "Programs" in r.get_data(as_text=True)
