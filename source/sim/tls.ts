// The simulator's HTTPS identity (startSim({ tls: true })): a self-signed certificate for
// 127.0.0.1, ::1 and localhost, valid 2020-2120, with its private key. Both are PUBLIC test
// fixtures — the sim only ever listens on loopback — committed rather than made with `openssl` at
// start so that TLS tests run the same everywhere (no openssl on PATH, Windows) and start fast.
// Made with `openssl ca -selfsign -startdate 20200101000000Z -enddate 21200101000000Z` (EC P-256,
// basicConstraints CA:TRUE, extendedKeyUsage serverAuth), so it is its own trust anchor for Node
// (certificate-authority-data, NODE_EXTRA_CA_CERTS), kubectl and the AWS CLI (AWS_CA_BUNDLE).

export const SIM_TLS_CERT = `
-----BEGIN CERTIFICATE-----
MIIB1zCCAX6gAwIBAgIBATAKBggqhkjOPQQDAjAwMS4wLAYDVQQDDCVrdWJlY3Rs
LWZhcmdhdGUgc2ltdWxhdG9yICh0ZXN0IG9ubHkpMCAXDTIwMDEwMTAwMDAwMFoY
DzIxMjAwMTAxMDAwMDAwWjAwMS4wLAYDVQQDDCVrdWJlY3RsLWZhcmdhdGUgc2lt
dWxhdG9yICh0ZXN0IG9ubHkpMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE5urT
+SfqB2QoThBMLoZ/OjAXV0HI4a9XPUnji+rgi+WKuiqtFWe9tiDqV5pnYbvrJizn
RMc403sp++nlVNnb5qOBhjCBgzAPBgNVHRMBAf8EBTADAQH/MCwGA1UdEQQlMCOH
BH8AAAGHEAAAAAAAAAAAAAAAAAAAAAGCCWxvY2FsaG9zdDATBgNVHSUEDDAKBggr
BgEFBQcDATAOBgNVHQ8BAf8EBAMCAoQwHQYDVR0OBBYEFFoPhSK8JRELPSqVnPaa
hxpoI1vPMAoGCCqGSM49BAMCA0cAMEQCIFsRkvSo+m7N5MOhjl7JUWY52IaR0cbw
FMzu18qB3YifAiBMcj9jQJo8XHflfxEx7vtNqUfp6hshl9Kzjdx462E+Vw==
-----END CERTIFICATE-----
`.trimStart();

export const SIM_TLS_KEY = `
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgiTrUhFFVPOdaXI5O
jPT7vL2MSK4x1XC4uWfWXLx870yhRANCAATm6tP5J+oHZChOEEwuhn86MBdXQcjh
r1c9SeOL6uCL5Yq6Kq0VZ722IOpXmmdhu+smLOdExzjTeyn76eVU2dvm
-----END PRIVATE KEY-----
`.trimStart();
