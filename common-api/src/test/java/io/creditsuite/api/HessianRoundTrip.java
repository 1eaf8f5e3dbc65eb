package io.creditsuite.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.common.serialize.ObjectInput;
import org.apache.dubbo.common.serialize.ObjectOutput;
import org.apache.dubbo.common.serialize.Serialization;
import org.apache.dubbo.rpc.model.FrameworkModel;

/**
 * Sends a value through Dubbo's Hessian2 serialization and back, as a provider and consumer would.
 * Each API area (probe, account, credit, ...) has its own round-trip test that uses this.
 */
public final class HessianRoundTrip {

    private static final Serialization HESSIAN2 = FrameworkModel.defaultModel()
            .getExtensionLoader(Serialization.class).getExtension("hessian2");
    private static final URL URL = org.apache.dubbo.common.URL.valueOf("dubbo://127.0.0.1:20880/test")
            .setScopeModel(FrameworkModel.defaultModel().defaultApplication());

    private HessianRoundTrip() {
    }

    public static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ObjectOutput out = HESSIAN2.serialize(URL, bytes);
        out.writeObject(value);
        out.flushBuffer();
        ObjectInput in = HESSIAN2.deserialize(URL, new ByteArrayInputStream(bytes.toByteArray()));
        return in.readObject();
    }
}
