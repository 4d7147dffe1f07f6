namespace RehabLedger.GraphQL.Http;

/// <summary>
/// Values of <c>errors[].extensions.code</c> in the responses to requests that the HTTP endpoint refuses
/// before GraphQL executes them. Clients branch on these codes, so they are stable: never rename one.
/// Errors raised by GraphQL.NET itself keep GraphQL.NET's codes (for example <c>SYNTAX_ERROR</c>,
/// <c>FIELDS_ON_CORRECT_TYPE</c>, <c>INVALID_VALUE</c> for a variable that cannot be coerced).
/// </summary>
public static class GraphQLHttpErrorCodes
{
    /// <summary>400: the POST body, or a GET <c>variables</c>/<c>extensions</c> parameter, is not valid JSON.</summary>
    public const string InvalidJson = "INVALID_JSON";

    /// <summary>
    /// 400: valid JSON that is not a GraphQL-over-HTTP request: no string <c>query</c>, an <c>operationName</c>
    /// that is not a string, <c>variables</c> or <c>extensions</c> that are not objects, a body that is not
    /// an object, or a GET parameter given twice.
    /// </summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>
    /// 401: the Authorization header holds no valid bearer token. Operations that need an identity and get none are
    /// refused with the same code (401 as well, when nothing else is wrong with the request).
    /// </summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>405: a method other than GET and POST, or a mutation sent with GET; the Allow header names what is allowed.</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    /// <summary>406: the Accept header admits neither <c>application/graphql-response+json</c> nor <c>application/json</c>.</summary>
    public const string NotAcceptable = "NOT_ACCEPTABLE";

    /// <summary>413: the POST body is larger than <see cref="GraphQLHttpOptions.MaxRequestBodySize"/>.</summary>
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";

    /// <summary>415: a POST whose Content-Type is missing or is not <c>application/json</c> in UTF-8.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>
    /// 400 (200 to an <c>application/json</c> client, like any validation error): a subscription, which needs a
    /// streaming transport that this endpoint does not offer.
    /// </summary>
    public const string SubscriptionNotSupported = "SUBSCRIPTION_NOT_SUPPORTED";

    /// <summary>
    /// 504: the request took longer than its timeout, counted from reading the body to writing the answer; whatever ran
    /// was cancelled and nothing of it is answered.
    /// </summary>
    public const string Timeout = "TIMEOUT";

    // Documents refused for their size, before validation (GraphQL/Documents/BoundedDocumentBuilder.cs). Like a
    // validation error: 400, or 200 to a client that asked for application/json.

    /// <summary>The document (the <c>query</c> text) is longer than <c>GraphQL:MaxDocumentLength</c> characters.</summary>
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";

    /// <summary>The document has more lexical tokens than <c>GraphQL:MaxTokens</c>.</summary>
    public const string TooManyTokens = "TOO_MANY_TOKENS";

    /// <summary>The document nests selections, arguments or values deeper than the parser accepts (128 levels).</summary>
    public const string DocumentTooDeep = "DOCUMENT_TOO_DEEP";

    /// <summary>
    /// The document selects more fields than <c>GraphQL:MaxFields</c>, counting each fragment spread as the fields of
    /// its fragment, or one selection set has more than <c>GraphQL:MaxFieldsOfOneName</c> fields under one response name.
    /// </summary>
    public const string TooManyFields = "TOO_MANY_FIELDS";

    /// <summary>The document has more directives than <c>GraphQL:MaxDirectives</c>.</summary>
    public const string TooManyDirectives = "TOO_MANY_DIRECTIVES";

    /// <summary>An operation declares more variables than <c>GraphQL:MaxVariables</c>.</summary>
    public const string TooManyVariables = "TOO_MANY_VARIABLES";

    /// <summary>
    /// The last error of an answer that had more than <c>GraphQL:MaxErrors</c>: it says how many were left out. It
    /// never decides the status, which is that of the errors it replaces.
    /// </summary>
    public const string TooManyErrors = "TOO_MANY_ERRORS";
}
