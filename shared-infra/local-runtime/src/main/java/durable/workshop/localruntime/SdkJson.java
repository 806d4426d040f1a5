package durable.workshop.localruntime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/** The AWS SDK's model objects as the JSON the Lambda REST protocol carries (member names, epoch-second times). */
final class SdkJson {

    private SdkJson() {
    }

    /** Plain maps, lists, strings, numbers and booleans; null members are left out. */
    static Object toJson(Object value) {
        if (value instanceof SdkPojo pojo) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (SdkField<?> field : pojo.sdkFields()) {
                Object member = field.getValueOrDefault(pojo);
                if (member != null) {
                    map.put(field.locationName(), toJson(member));
                }
            }
            return map;
        }
        if (value instanceof Collection<?> list) {
            ArrayList<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(toJson(v)));
            return out;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), toJson(v)));
            return out;
        }
        if (value instanceof Instant t) {
            return epochSeconds(t);
        }
        if (value instanceof SdkBytes bytes) {
            return bytes.asUtf8String();
        }
        return value;
    }

    /** The protocol's timestamp: seconds since the epoch, with milliseconds. */
    static double epochSeconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }
}
