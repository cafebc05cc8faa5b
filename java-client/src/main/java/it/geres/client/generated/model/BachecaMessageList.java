// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Messages of the bacheca.
 * <p>
 * @param items The messages, newest first. (required)
 * @param page Page returned. (required)
 * @param pageSize Items per page. (required)
 * @param total Messages in all. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record BachecaMessageList(
        @JsonProperty("items") java.util.List<BachecaMessageView> items,
        @JsonProperty("page") Integer page,
        @JsonProperty("pageSize") Integer pageSize,
        @JsonProperty("total") Integer total) {

    /** A builder; {@link Builder#build()} checks the required members. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with this value's members. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.items = items;
        b.page = page;
        b.pageSize = pageSize;
        b.total = total;
        return b;
    }

    /** Builds {@link BachecaMessageList}. */
    public static final class Builder {
        private java.util.List<BachecaMessageView> items;
        private Integer page;
        private Integer pageSize;
        private Integer total;

        private Builder() {
        }

        /** The messages, newest first. (required) */
        public Builder items(java.util.List<BachecaMessageView> items) {
            this.items = items;
            return this;
        }

        /** The messages, newest first. (required) */
        public Builder items(BachecaMessageView... items) {
            this.items = java.util.List.of(items);
            return this;
        }

        /** Page returned. (required) */
        public Builder page(Integer page) {
            this.page = page;
            return this;
        }

        /** Items per page. (required) */
        public Builder pageSize(Integer pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /** Messages in all. (required) */
        public Builder total(Integer total) {
            this.total = total;
            return this;
        }

        public BachecaMessageList build() {
            Objects.requireNonNull(items, "items is required");
            Objects.requireNonNull(page, "page is required");
            Objects.requireNonNull(pageSize, "pageSize is required");
            Objects.requireNonNull(total, "total is required");
            return new BachecaMessageList(items, page, pageSize, total);
        }
    }
}
