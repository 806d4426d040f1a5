// The loan API as the lesson's README describes it ("The HTTP API"): POST /apply, GET /status/{id}, POST /approve.
// Every error answer is {"error": {"code", "message", "field"}}; ApiError carries it, ConnectionLost says that no
// answer came at all.

import { signRequest, regionOf } from "./sigv4.js";

export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export class ConnectionLost extends Error {}

export class LoanApi {
  /** baseUrl "" means the origin that serves this page (the local runtime). */
  constructor(baseUrl) {
    this.baseUrl = baseUrl.replace(/\/+$/, "");
  }

  /** True when the page talks to the API that serves it: the local runtime, which checks no IAM authorizer. */
  get isLocal() {
    return this.baseUrl === "";
  }

  get displayUrl() {
    return this.baseUrl || location.origin;
  }

  get region() {
    return regionOf(this.baseUrl);
  }

  apply(application) {
    return this.#call("POST", "/apply", application);
  }

  status(applicationId) {
    return this.#call("GET", "/status/" + encodeURIComponent(applicationId));
  }

  /** credentials and region sign the request for the deployed API's IAM authorizer; locally they are not needed. */
  async approve(decision, credentials, region) {
    const body = JSON.stringify(decision);
    let headers = {};
    if (!this.isLocal) {
      const url = new URL(this.baseUrl + "/approve").toString();
      headers = await signRequest({ method: "POST", url, headers: { "content-type": "application/json" }, body,
        credentials, region, service: "execute-api" });
    }
    return this.#call("POST", "/approve", decision, headers);
  }

  async #call(method, path, body, extraHeaders = {}) {
    const headers = { ...extraHeaders };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    let response;
    try {
      response = await fetch(this.baseUrl + path, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: "no-store",
      });
    } catch (e) {
      // fetch rejects only when no HTTP answer came: network down, server stopped, or CORS refused.
      throw new ConnectionLost(e.message);
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!response.ok) {
      const error = json && json.error ? json.error : { code: "HTTP_" + response.status, message: (json && json.message) || text || response.statusText };
      throw new ApiError(response.status, error.code, error.message, error.field);
    }
    return { status: response.status, body: json };
  }
}
