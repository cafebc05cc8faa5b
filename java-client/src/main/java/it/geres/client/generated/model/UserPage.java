// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A page of users.
 * <p>
 * @param items (required)
 * @param page The page returned, from 1. (required)
 * @param pageSize The page size asked for (the last page may hold fewer items). (required)
 * @param total How many items match, over all pages. (required)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserPage(
        @JsonProperty("items") java.util.List<UserView> items,
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

    /** Builds {@link UserPage}. */
    public static final class Builder {
        private java.util.List<UserView> items;
        private Integer page;
        private Integer pageSize;
        private Integer total;

        private Builder() {
        }

        /** (required) */
        public Builder items(java.util.List<UserView> items) {
            this.items = items;
            return this;
        }

        /** (required) */
        public Builder items(UserView... items) {
            this.items = java.util.List.of(items);
            return this;
        }

        /** The page returned, from 1. (required) */
        public Builder page(Integer page) {
            this.page = page;
            return this;
        }

        /** The page size asked for (the last page may hold fewer items). (required) */
        public Builder pageSize(Integer pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /** How many items match, over all pages. (required) */
        public Builder total(Integer total) {
            this.total = total;
            return this;
        }

        public UserPage build() {
            Objects.requireNonNull(items, "items is required");
            Objects.requireNonNull(page, "page is required");
            Objects.requireNonNull(pageSize, "pageSize is required");
            Objects.requireNonNull(total, "total is required");
            return new UserPage(items, page, pageSize, total);
        }
    }
}
