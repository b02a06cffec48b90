package dev.ovha.twin.service.sts;

import dev.ovha.twin.protocol.FormInput;
import dev.ovha.twin.protocol.ProtocolCodec;
import dev.ovha.twin.protocol.QueryCodec;
import dev.ovha.twin.protocol.Struct;
import dev.ovha.twin.service.FormService;

/** STS GetCallerIdentity: who the twin thinks is calling (any credentials are accepted). */
public final class StsService extends FormService {

    private static final ProtocolCodec CODEC = new QueryCodec("https://sts.amazonaws.com/doc/2011-06-15/");

    public StsService() {
        super("sts", "2011-06-15", "STS", CODEC, FormInput.ListStyle.QUERY);
        operation("GetCallerIdentity", (in, world) -> {
            String account = world.sim().account().id();
            return Struct.of()
                    .put("UserId", "AIDAOVHATWIN00000001")
                    .put("Account", account)
                    .put("Arn", "arn:aws:iam::" + account + ":user/ovha-twin");
        });
    }

}
