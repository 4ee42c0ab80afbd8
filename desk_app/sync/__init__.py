"""Sync bundles between commune desks and the upstream office (SYNC.md).

keys       this installation's Ed25519 / X25519 keys (private halves in the data folder)
bundle     the container: signed ZIP, sealed to the recipient's X25519 key; safe reading
export     commune -> upstream change bundles (cumulative since the last acknowledgement)
importer   `sync import`: verification, upstream application, held bundles, acknowledgements
apply      upstream: applying a station's changes to the replica, quarantine
commune_in commune: acknowledgements, procedure / calendar / key updates, typed codes
ack        acknowledgement short codes
enroll     enrollment requests and the office's key file
publish    upstream -> communes updates
bench      bench_sync(): the speed figures against floors measured in the same run

The guard that stops an upstream office from editing a commune's dossier lives in
``db.models_sync`` (it must hold whatever code path writes).
"""
