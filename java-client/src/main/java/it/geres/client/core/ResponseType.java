package it.geres.client.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Type;

/** What a successful answer is turned into: a JSON type, text, or nothing. */
public final class ResponseType<T> {
    /** How the body is read. */
    public enum Kind { JSON, TEXT, NONE }

    private final Kind kind;
    private final Type type;

    private ResponseType(Kind kind, Type type) {
        this.kind = kind;
        this.type = type;
    }

    public static <T> ResponseType<T> json(Class<T> type) {
        return new ResponseType<>(Kind.JSON, type);
    }

    public static <T> ResponseType<T> json(TypeReference<T> type) {
        return new ResponseType<>(Kind.JSON, type.getType());
    }

    public static ResponseType<String> text() {
        return new ResponseType<>(Kind.TEXT, String.class);
    }

    public static ResponseType<Void> none() {
        return new ResponseType<>(Kind.NONE, Void.class);
    }

    public Kind kind() {
        return kind;
    }

    /** The Jackson type to read a JSON body as. */
    public JavaType javaType(ObjectMapper mapper) {
        return mapper.getTypeFactory().constructType(type);
    }
}
