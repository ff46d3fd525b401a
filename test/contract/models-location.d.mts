export declare const MODELS_DIR: string;
export declare const MODEL_TESTS_DIR: string;
export declare function modelsAvailable(): boolean;
export declare const MISSING_MODELS_MESSAGE: string;
export declare function modelTestFiles(): string[];
export declare function requireModelsDir(): string;
export declare function inCi(): boolean;
