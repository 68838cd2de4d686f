package org.marugoto.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The municipality this installation serves.
 *
 * @param code the 6-digit local government code (全国地方公共団体コード)
 * @param name the municipality's name
 * @param nameKana its reading
 * @param prefecture the prefecture it belongs to
 */
@ConfigurationProperties("marugoto.municipality")
public record TenancyProperties(String code, String name, String nameKana, String prefecture) {}
