package dev.ovha.twin.protocol;

/**
 * The EC2 protocol: no Result wrapper (output members are direct children of the root), lists as
 * {@code <item>}, {@code requestId} first, and errors under {@code <Response><Errors><Error>}.
 */
public final class Ec2Codec implements ProtocolCodec {

    private final String xmlns;

    public Ec2Codec(String xmlns) {
        this.xmlns = xmlns;
    }

    @Override
    public HttpReply success(String operation, Struct output, String requestId) {
        XmlWriter xml = new XmlWriter().declaration().open(operation + "Response", xmlns)
                .element("requestId", requestId);
        if (output != null) {
            xml.members(output, "item");
        }
        xml.close(operation + "Response");
        return HttpReply.text(200, "text/xml", xml.toString());
    }

    @Override
    public HttpReply error(AwsError error, String requestId) {
        XmlWriter xml = new XmlWriter().declaration().open("Response")
                .open("Errors").open("Error")
                .element("Code", error.code())
                .element("Message", error.getMessage())
                .close("Error").close("Errors")
                .element("RequestID", requestId)
                .close("Response");
        return HttpReply.text(error.status(), "text/xml", xml.toString());
    }
}
