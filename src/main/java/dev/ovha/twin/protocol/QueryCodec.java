package dev.ovha.twin.protocol;

/**
 * The AWS query protocol (Auto Scaling, ELBv2, CloudFormation, STS). The SDK reads the result from the
 * root's FIRST child, whatever its name, so {@code <OpResult>} must come before {@code <ResponseMetadata>}
 * or the call silently returns nothing. Operations without output send only the metadata.
 */
public final class QueryCodec implements ProtocolCodec {

    private final String xmlns;

    public QueryCodec(String xmlns) {
        this.xmlns = xmlns;
    }

    @Override
    public HttpReply success(String operation, Struct output, String requestId) {
        XmlWriter xml = new XmlWriter().declaration().open(operation + "Response", xmlns);
        if (output != null) {
            xml.open(operation + "Result").members(output, "member").close(operation + "Result");
        }
        xml.open("ResponseMetadata").element("RequestId", requestId).close("ResponseMetadata")
                .close(operation + "Response");
        return HttpReply.text(200, "text/xml", xml.toString());
    }

    @Override
    public HttpReply error(AwsError error, String requestId) {
        XmlWriter xml = new XmlWriter().declaration().open("ErrorResponse", xmlns)
                .open("Error")
                .element("Type", error.senderFault() ? "Sender" : "Receiver")
                .element("Code", error.code())
                .element("Message", error.getMessage())
                .close("Error")
                .element("RequestId", requestId)
                .close("ErrorResponse");
        return HttpReply.text(error.status(), "text/xml", xml.toString());
    }
}
