// AWS Signature Version 4 for one request, with the browser's WebCrypto: what the deployed API's IAM authorizer
// checks on POST /approve. See "Signature Version 4" in the IAM user guide; the steps below carry its names.

const encoder = new TextEncoder();

function hex(buffer) {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function sha256Hex(text) {
  return hex(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

async function hmac(key, text) {
  const cryptoKey = await crypto.subtle.importKey("raw", typeof key === "string" ? encoder.encode(key) : key,
    { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return crypto.subtle.sign("HMAC", cryptoKey, encoder.encode(text));
}

/** RFC 3986 encoding, as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
function rfc3986(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/**
 * The headers that sign a request: Authorization, X-Amz-Content-Sha256, X-Amz-Date and, with temporary credentials,
 * X-Amz-Security-Token.
 * credentials = {accessKeyId, secretAccessKey, sessionToken?}; service is "execute-api" for API Gateway.
 * now is only given by tests; the signature is valid for 5 minutes around it.
 */
export async function signRequest({ method, url, headers = {}, body = "", credentials, region, service, now = new Date() }) {
  const target = new URL(url);
  const amzDate = now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const day = amzDate.slice(0, 8);

  // The payload's hash is sent and signed as x-amz-content-sha256, as the AWS SDKs do.
  const payloadHash = await sha256Hex(body);
  const signed = { ...lowerCaseKeys(headers), host: target.host, "x-amz-content-sha256": payloadHash, "x-amz-date": amzDate };
  if (credentials.sessionToken) {
    signed["x-amz-security-token"] = credentials.sessionToken;
  }
  const names = Object.keys(signed).sort();
  const canonicalHeaders = names.map((n) => `${n}:${String(signed[n]).trim().replace(/\s+/g, " ")}\n`).join("");
  const signedHeaders = names.join(";");

  // Step 1: the canonical request. Services other than S3 encode each path segment twice.
  const path = target.pathname.split("/").map((s) => rfc3986(rfc3986(decodeURIComponent(s)))).join("/") || "/";
  const query = [...target.searchParams].map(([k, v]) => [rfc3986(k), rfc3986(v)])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`).join("&");
  const canonicalRequest = [method, path, query, canonicalHeaders, signedHeaders, payloadHash].join("\n");

  // Step 2: the string to sign.
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, await sha256Hex(canonicalRequest)].join("\n");

  // Step 3: the signing key, derived from the secret for this day, region and service; step 4: the signature.
  let key = await hmac("AWS4" + credentials.secretAccessKey, day);
  for (const part of [region, service, "aws4_request"]) {
    key = await hmac(key, part);
  }
  const signature = hex(await hmac(key, stringToSign));

  const result = {
    Authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    "X-Amz-Content-Sha256": payloadHash,
    "X-Amz-Date": amzDate,
  };
  if (credentials.sessionToken) {
    result["X-Amz-Security-Token"] = credentials.sessionToken;
  }
  return result;
}

function lowerCaseKeys(headers) {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/** The region of an API Gateway URL (https://ID.execute-api.REGION.amazonaws.com), or "" when it has none. */
export function regionOf(apiUrl) {
  const match = /\.execute-api\.([a-z0-9-]+)\.amazonaws\.com/.exec(apiUrl);
  return match ? match[1] : "";
}
