package com.nusomi.recorder.server.http;

import com.nusomi.recorder.server.store.Ids;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to what never reaches {@link HttpFrontend} (a request line, URI, header or framing that is not
 * valid HTTP, headers over the limit), in the contract's error shape with a {@code Request-Id}, instead of
 * Jetty's HTML error page. The answer says {@code Connection: close}: Jetty drops such a connection after it,
 * and without the header a client takes the connection for reusable and sends its next request into the closed
 * socket, which then fails with no answer at all.
 */
public final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String requestId = Ids.request();
        Object message = request.getAttribute(ERROR_MESSAGE);
        ApiException error = ApiException.protocol(response.getStatus(), message == null ? null : message.toString());
        HttpFrontend.commonHeaders(response.getHeaders(), ApiResponse.JSON, requestId);
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.setStatus(error.status());
        response.write(true, ByteBuffer.wrap(ErrorBody.of(error, requestId)), callback);
        return true;
    }

    /** For a request the parser refused before there was a request to hand to {@link #handle}. */
    @Override
    // Jetty 12 still calls this for parser-refused requests and has no drop-in replacement yet
    @SuppressWarnings("removal")
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = Ids.request();
        HttpFrontend.commonHeaders(fields, ApiResponse.JSON, requestId);
        fields.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        return ByteBuffer.wrap(ErrorBody.of(ApiException.protocol(status, reason), requestId));
    }
}
